#!/usr/bin/env python3
"""Generates the AWS engine's test data from botocore (Apache-2.0), which is installed with the AWS CLI tooling.

  service-shapes.json  the request/response shapes of the operations PolicyGate calls, documentation removed;
                       the loopback server in the tests validates every request body against them.
  sigv4-vectors.json   Authorization headers botocore's own SigV4 signer computes for fixed requests, credentials
                       and times; PolicyGate's signer must produce the same bytes.

Run: python3 tests/PolicyGate.Tests/AccessAnalyzer/TestData/generate-from-botocore.py
"""
import datetime
import json
import os
from unittest import mock

import botocore
import botocore.auth
import botocore.awsrequest
import botocore.credentials
import botocore.loaders

HERE = os.path.dirname(os.path.abspath(__file__))
OPERATIONS = {
    "accessanalyzer": ["CheckNoNewAccess", "CheckAccessNotGranted", "CheckNoPublicAccess", "ValidatePolicy"],
    "iam": ["GetPolicy", "GetPolicyVersion", "GetRolePolicy", "GetUserPolicy", "GetGroupPolicy",
            "ListAttachedRolePolicies", "GetRole"],
}


def strip(value):
    if isinstance(value, dict):
        return {k: strip(v) for k, v in sorted(value.items()) if k not in ("documentation", "deprecatedMessage")}
    if isinstance(value, list):
        return [strip(v) for v in value]
    return value


def shapes():
    loader = botocore.loaders.Loader()
    out = {"botocore": botocore.__version__, "services": {}}
    for service, operations in OPERATIONS.items():
        model = loader.load_service_model(service, "service-2")
        wanted, pending = set(), []
        ops = {}
        for name in operations:
            op = model["operations"][name]
            ops[name] = strip({k: op[k] for k in ("http", "input", "output", "errors") if k in op})
            for ref in [op.get("input"), op.get("output")] + op.get("errors", []):
                if ref:
                    pending.append(ref["shape"])
        while pending:
            name = pending.pop()
            if name in wanted:
                continue
            wanted.add(name)
            shape = model["shapes"][name]
            for member in shape.get("members", {}).values():
                pending.append(member["shape"])
            for key in ("member", "key", "value"):
                if key in shape:
                    pending.append(shape[key]["shape"])
        out["services"][service] = {
            "metadata": strip(model["metadata"]),
            "operations": ops,
            "shapes": {name: strip(model["shapes"][name]) for name in sorted(wanted)},
        }
    return out


def vectors():
    cases = [
        {
            "name": "access-analyzer CheckNoNewAccess, long-term keys",
            "url": "https://access-analyzer.us-east-1.amazonaws.com/policy/check-no-new-access",
            "contentType": "application/json",
            "body": '{"newPolicyDocument":"{\\"Version\\":\\"2012-10-17\\"}","existingPolicyDocument":"{}","policyType":"IDENTITY_POLICY"}',
            "service": "access-analyzer", "region": "us-east-1",
            "accessKey": "AKIDEXAMPLE", "secretKey": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "token": None,
            "time": "2026-11-21T23:57:57Z",
        },
        {
            "name": "access-analyzer ValidatePolicy page with a query string",
            "url": "https://access-analyzer.eu-west-1.amazonaws.com/policy/validation?nextToken=abc%2Fdef%3D%3D",
            "contentType": "application/json",
            "body": '{"locale":"EN","policyDocument":"{}","policyType":"IDENTITY_POLICY"}',
            "service": "access-analyzer", "region": "eu-west-1",
            "accessKey": "AKIDEXAMPLE", "secretKey": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "token": None,
            "time": "2026-01-02T03:04:05Z",
        },
        {
            "name": "iam GetPolicy, session credentials",
            "url": "https://iam.amazonaws.com/",
            "contentType": "application/x-www-form-urlencoded; charset=utf-8",
            "body": "Action=GetPolicy&Version=2010-05-08&PolicyArn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FReadOnlyAccess",
            "service": "iam", "region": "us-east-1",
            "accessKey": "ASIAEXAMPLE", "secretKey": "secretEXAMPLEsecretEXAMPLE", "token": "FwoGZXIvYXdzEXAMPLETOKEN//+=",
            "time": "2026-11-21T23:57:57Z",
        },
        {
            "name": "access-analyzer on a loopback endpoint with a port",
            "url": "http://127.0.0.1:41234/policy/check-no-public-access",
            "contentType": "application/json",
            "body": '{"policyDocument":"{}","resourceType":"AWS::S3::Bucket"}',
            "service": "access-analyzer", "region": "us-gov-west-1",
            "accessKey": "AKIDEXAMPLE", "secretKey": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "token": "tok",
            "time": "2026-06-30T12:00:00Z",
        },
    ]
    for case in cases:
        when = datetime.datetime.strptime(case["time"], "%Y-%m-%dT%H:%M:%SZ")
        request = botocore.awsrequest.AWSRequest(
            method="POST", url=case["url"], data=case["body"].encode("utf-8"),
            headers={"Content-Type": case["contentType"]})
        credentials = botocore.credentials.Credentials(case["accessKey"], case["secretKey"], case["token"])
        signer = botocore.auth.SigV4Auth(credentials, case["service"], case["region"])
        with mock.patch("botocore.auth.get_current_datetime", return_value=when):
            signer.add_auth(request)
        # Recompute the canonical request as it was signed (before the Authorization header was added).
        signed = botocore.awsrequest.AWSRequest(method="POST", url=case["url"], data=request.data, headers={
            k: v for k, v in request.headers.items() if k.lower() != "authorization"})
        signed.context = request.context
        case["canonicalRequest"] = signer.canonical_request(signed)
        case["authorization"] = request.headers["Authorization"]
        case["amzDate"] = request.headers["X-Amz-Date"]
    return {"botocore": botocore.__version__, "vectors": cases}


def write(name, data):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="\n") as f:
        json.dump(data, f, indent=1, sort_keys=False)
        f.write("\n")


if __name__ == "__main__":
    write("service-shapes.json", shapes())
    write("sigv4-vectors.json", vectors())
