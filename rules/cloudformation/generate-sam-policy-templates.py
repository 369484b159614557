#!/usr/bin/env python3
"""Regenerates sam-policy-templates.json from the installed aws-sam-translator package.

The SAM policy templates (name -> parameters and policy definition) are data published by AWS in
aws-sam-translator (Apache-2.0). PolicyGate expands them offline the way SAM does. Run:

    python3 rules/cloudformation/generate-sam-policy-templates.py

and commit the result; the package version used is recorded in the file.
"""
import json
import os

import samtranslator

here = os.path.dirname(os.path.abspath(__file__))
source = os.path.join(os.path.dirname(samtranslator.__file__), "policy_templates_data", "policy_templates.json")
with open(source, encoding="utf-8") as f:
    data = json.load(f)

templates = {}
for name in sorted(data["Templates"]):
    template = data["Templates"][name]
    templates[name] = {
        "parameters": sorted(template.get("Parameters", {})),
        "definition": template["Definition"],
    }

out = {
    "source": f"aws-sam-translator {samtranslator.__version__} (Apache-2.0), samtranslator/policy_templates_data/policy_templates.json",
    "generator": "rules/cloudformation/generate-sam-policy-templates.py",
    "templates": templates,
}
with open(os.path.join(here, "sam-policy-templates.json"), "w", encoding="utf-8", newline="\n") as f:
    json.dump(out, f, indent=1, sort_keys=False)
    f.write("\n")
