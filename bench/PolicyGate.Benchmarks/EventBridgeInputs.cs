using System.Globalization;
using System.Text;

namespace PolicyGate.Benchmarks;

/// <summary>
/// Generated EventBridge workloads (fixed seed, so every run measures the same input): patterns of the
/// kinds teams write for IAM monitoring and application events, and events of the matching shapes.
/// Templates use ' for " to stay readable.
/// </summary>
internal static class EventBridgeInputs
{
    private static readonly string[] IamCalls = ["PutRolePolicy", "AttachRolePolicy", "CreateUser", "DeleteRole", "GetUser", "ListRoles", "UpdateAssumeRolePolicy", "CreateAccessKey"];
    private static readonly string[] Statuses = ["ACTIVE", "ARCHIVED", "RESOLVED"];
    private static readonly string[] States = ["pending", "running", "stopping", "stopped", "terminated"];

    public static List<string> Patterns(int count)
    {
        var random = new Random(4000);
        var list = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var text = (i % 8) switch
            {
                0 => "{'source':['aws.access-analyzer'],'detail-type':['Access Analyzer Finding'],'detail':{'status':['" + Statuses[random.Next(3)] + "'],'resourceType':[{'prefix':'AWS::S3'}]}}",
                1 => "{'source':['aws.iam'],'detail-type':['AWS API Call via CloudTrail'],'detail':{'eventSource':['iam.amazonaws.com'],'eventName':[{'prefix':'Put'},{'prefix':'Attach'},'" + IamCalls[random.Next(IamCalls.Length)] + "']}}",
                2 => "{'source':['aws.ec2'],'detail-type':['EC2 Instance State-change Notification'],'detail':{'state':[{'anything-but':['" + States[random.Next(5)] + "','pending']}]}}",
                3 => "{'source':['com.example.orders'],'detail':{'amount':[{'numeric':['>'," + random.Next(1000) + ",'<='," + (1000 + random.Next(5000)) + "]}],'currency':['EUR','USD']}}",
                4 => "{'source':['com.example.orders'],'$or':[{'detail':{'priority':['high']}},{'detail':{'customer':{'tier':['gold','platinum']}}}],'detail-type':['Order Placed']}",
                5 => "{'detail':{'items':{'sku':[{'prefix':'SKU-" + random.Next(10) + "'}],'quantity':[{'numeric':['>='," + random.Next(5) + "]}]}}}",
                6 => "{'source':['aws.iam','aws.sts'],'detail':{'userIdentity':{'type':['AssumedRole'],'arn':[{'wildcard':'arn:aws:sts::*:assumed-role/Admin*/*'}]},'sourceIPAddress':[{'cidr':'10." + random.Next(256) + ".0.0/16'}]}}",
                _ => "{'source':[{'prefix':'com.example.'}],'detail-type':[{'equals-ignore-case':'order shipped'}],'detail':{'region':[{'exists':true}],'test':[{'exists':false}]}}",
            };
            list.Add(text.Replace('\'', '"'));
        }

        return list;
    }

    public static List<string> Events(int count)
    {
        var random = new Random(4001);
        var list = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var envelope = "'version':'0','id':'" + i.ToString("D8", CultureInfo.InvariantCulture) + "','account':'111122223333','time':'2024-06-12T15:04:11Z','region':'us-east-1','resources':[]";
            var text = (i % 5) switch
            {
                0 => "{" + envelope + ",'detail-type':'Access Analyzer Finding','source':'aws.access-analyzer','detail':{'status':'" + Statuses[random.Next(3)]
                     + "','resourceType':'AWS::S3::Bucket','isDeleted':false,'action':['s3:GetObject','s3:PutObject'],'principal':{'AWS':'999988887777'}}}",
                1 => "{" + envelope + ",'detail-type':'AWS API Call via CloudTrail','source':'aws.iam','detail':{'eventSource':'iam.amazonaws.com','eventName':'" + IamCalls[random.Next(IamCalls.Length)]
                     + "','sourceIPAddress':'10." + random.Next(256) + ".3.4','userIdentity':{'type':'AssumedRole','arn':'arn:aws:sts::111122223333:assumed-role/AdminRole/alice'},'requestParameters':{'roleName':'app-" + random.Next(100) + "'}}}",
                2 => "{" + envelope + ",'detail-type':'EC2 Instance State-change Notification','source':'aws.ec2','detail':{'instance-id':'i-" + random.Next().ToString("x8", CultureInfo.InvariantCulture)
                     + "','state':'" + States[random.Next(5)] + "'}}",
                3 => "{" + envelope + ",'detail-type':'Order Placed','source':'com.example.orders','detail':{'amount':" + random.Next(6000) + "." + random.Next(100).ToString("D2", CultureInfo.InvariantCulture)
                     + ",'currency':'EUR','priority':'" + (random.Next(4) == 0 ? "high" : "normal") + "','customer':{'tier':'gold'},'items':[{'sku':'SKU-" + random.Next(20) + "','quantity':" + random.Next(8)
                     + "},{'sku':'SKU-" + random.Next(20) + "','quantity':" + random.Next(8) + "}]}}",
                _ => "{" + envelope + ",'detail-type':'Order Shipped','source':'com.example.shipping','detail':{'region':'eu','carrier':'post'}}",
            };
            list.Add(text.Replace('\'', '"'));
        }

        return list;
    }

    public static string Sizes(IReadOnlyCollection<string> texts) =>
        $"{texts.Count:N0} items, {texts.Sum(t => Encoding.UTF8.GetByteCount(t)):N0} bytes";
}
