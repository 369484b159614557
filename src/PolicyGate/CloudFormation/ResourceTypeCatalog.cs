using System.Collections.Frozen;

namespace PolicyGate.CloudFormation;

/// <summary>How CloudFormation names a resource when its name property is not set.</summary>
public enum GeneratedName
{
    /// <summary><c>stack-LogicalId-RANDOM</c>: the random suffix is unknown offline.</summary>
    StackAndLogicalId,

    /// <summary>The same, lower-cased (S3 buckets, ECR repositories, OpenSearch domains).</summary>
    LowerStackAndLogicalId,

    /// <summary>No name is generated: the property is required, or the name is an id the service assigns.</summary>
    None,
}

/// <summary>
/// What <c>Ref</c> and <c>Fn::GetAtt</c> return for one resource type, as formats. Placeholders:
/// <c>${Partition}</c>, <c>${Region}</c>, <c>${AccountId}</c>, <c>${URLSuffix}</c>; <c>${Name}</c> the physical
/// name (from <see cref="NameProperty"/> or generated); <c>${Path}</c> the IAM Path property (default "/");
/// <c>${Prop:X}</c> or <c>${Prop:X|default}</c> another property; <c>${@Attr}</c> another attribute's format;
/// <c>${?label}</c> a part only AWS knows (an id, a random suffix): it stays unknown.
/// </summary>
public sealed record ResourceTypeInfo(string Type, string? NameProperty, GeneratedName Generated, string Ref, FrozenDictionary<string, string> Attributes);

/// <summary>
/// Return values of the resource types PolicyGate knows, written from the CloudFormation resource reference
/// ("Return values" of each type) and the ARN formats of the Service Authorization Reference. A type not
/// listed here resolves to unknown values, never to invented ones.
/// </summary>
public static class ResourceTypeCatalog
{
    private const string Region = "arn:${Partition}:{0}:${Region}:${AccountId}:";
    private const string Global = "arn:${Partition}:{0}::${AccountId}:";

    private static readonly FrozenDictionary<string, ResourceTypeInfo> Types = Build(
    [
        T("AWS::SNS::Topic", "TopicName", "${@TopicArn}", ("TopicArn", R("sns") + "${Name}"), ("TopicName", "${Name}")),
        T("AWS::SQS::Queue", "QueueName", "${@QueueUrl}", ("Arn", R("sqs") + "${Name}"), ("QueueName", "${Name}"), ("QueueUrl", "https://sqs.${Region}.${URLSuffix}/${AccountId}/${Name}")),
        T("AWS::S3::Bucket", "BucketName", "${Name}", ("Arn", "arn:${Partition}:s3:::${Name}"), ("DomainName", "${Name}.s3.${URLSuffix}"),
            ("RegionalDomainName", "${Name}.s3.${Region}.${URLSuffix}"), ("DualStackDomainName", "${Name}.s3.dualstack.${Region}.${URLSuffix}")) with { Generated = GeneratedName.LowerStackAndLogicalId },
        T("AWS::S3::AccessPoint", "Name", "${Name}", ("Arn", R("s3") + "accesspoint/${Name}"), ("Name", "${Name}"), ("Alias", "${?access point alias}")) with { Generated = GeneratedName.LowerStackAndLogicalId },
        T("AWS::S3::MultiRegionAccessPoint", "Name", "${Name}", ("Alias", "${?multi-region access point alias}")) with { Generated = GeneratedName.LowerStackAndLogicalId },
        T("AWS::S3Express::DirectoryBucket", "BucketName", "${Name}", ("Arn", R("s3express") + "bucket/${Name}")) with { Generated = GeneratedName.None },
        T("AWS::S3Express::AccessPoint", "Name", "${Name}", ("Arn", R("s3express") + "accesspoint/${Name}")) with { Generated = GeneratedName.None },
        T("AWS::S3Tables::TableBucket", "TableBucketName", "${@TableBucketARN}", ("TableBucketARN", R("s3tables") + "bucket/${Name}")) with { Generated = GeneratedName.None },
        T("AWS::IAM::Role", "RoleName", "${Name}", ("Arn", G("iam") + "role${Path}${Name}"), ("RoleId", "${?role id}")),
        T("AWS::IAM::User", "UserName", "${Name}", ("Arn", G("iam") + "user${Path}${Name}")),
        T("AWS::IAM::Group", "GroupName", "${Name}", ("Arn", G("iam") + "group${Path}${Name}")),
        T("AWS::IAM::InstanceProfile", "InstanceProfileName", "${Name}", ("Arn", G("iam") + "instance-profile${Path}${Name}")),
        T("AWS::IAM::ManagedPolicy", "ManagedPolicyName", "${@PolicyArn}", ("PolicyArn", G("iam") + "policy${Path}${Name}")),
        T("AWS::IAM::Policy", null, "${?policy id}", ("Id", "${?policy id}")),
        T("AWS::Lambda::Function", "FunctionName", "${Name}", ("Arn", R("lambda") + "function:${Name}")),
        T("AWS::Serverless::Function", "FunctionName", "${Name}", ("Arn", R("lambda") + "function:${Name}")),
        T("AWS::Lambda::LayerVersion", "LayerName", "${@LayerVersionArn}", ("LayerVersionArn", R("lambda") + "layer:${Name}:${?layer version}")),
        T("AWS::Serverless::LayerVersion", "LayerName", "${@LayerVersionArn}", ("LayerVersionArn", R("lambda") + "layer:${Name}:${?layer version}")),
        T("AWS::KMS::Key", null, "${?key id}", ("KeyId", "${?key id}"), ("Arn", R("kms") + "key/${?key id}")),
        T("AWS::KMS::Alias", "AliasName", "${Name}") with { Generated = GeneratedName.None },
        T("AWS::SecretsManager::Secret", "Name", "${@Id}", ("Id", R("secretsmanager") + "secret:${Name}-${?random suffix}")),
        T("AWS::DynamoDB::Table", "TableName", "${Name}", ("Arn", R("dynamodb") + "table/${Name}"), ("StreamArn", R("dynamodb") + "table/${Name}/stream/${?stream label}")),
        T("AWS::DynamoDB::GlobalTable", "TableName", "${Name}", ("Arn", R("dynamodb") + "table/${Name}"), ("StreamArn", R("dynamodb") + "table/${Name}/stream/${?stream label}")),
        T("AWS::Serverless::SimpleTable", "TableName", "${Name}"),
        T("AWS::Kinesis::Stream", "Name", "${Name}", ("Arn", R("kinesis") + "stream/${Name}")),
        T("AWS::KinesisFirehose::DeliveryStream", "DeliveryStreamName", "${Name}", ("Arn", R("firehose") + "deliverystream/${Name}")),
        T("AWS::Events::EventBus", "Name", "${Name}", ("Arn", R("events") + "event-bus/${Name}"), ("Name", "${Name}")) with { Generated = GeneratedName.None },
        T("AWS::Events::Rule", "Name", "${Name}", ("Arn", R("events") + "rule/${RuleBusPath}${Name}")),
        T("AWS::Events::Archive", "ArchiveName", "${Name}", ("Arn", R("events") + "archive/${Name}")),
        T("AWS::Logs::LogGroup", "LogGroupName", "${Name}", ("Arn", R("logs") + "log-group:${Name}:*")),
        T("AWS::Logs::Destination", "DestinationName", "${Name}", ("Arn", R("logs") + "destination:${Name}")) with { Generated = GeneratedName.None },
        T("AWS::ECR::Repository", "RepositoryName", "${Name}", ("Arn", R("ecr") + "repository/${Name}"), ("RepositoryUri", "${AccountId}.dkr.ecr.${Region}.${URLSuffix}/${Name}")) with { Generated = GeneratedName.LowerStackAndLogicalId },
        T("AWS::StepFunctions::StateMachine", "StateMachineName", "${@Arn}", ("Arn", R("states") + "stateMachine:${Name}"), ("Name", "${Name}")),
        T("AWS::Serverless::StateMachine", "Name", "${@Arn}", ("Arn", R("states") + "stateMachine:${Name}"), ("Name", "${Name}")),
        T("AWS::StepFunctions::Activity", "Name", "${@Arn}", ("Arn", R("states") + "activity:${Name}"), ("Name", "${Name}")) with { Generated = GeneratedName.None },
        T("AWS::EFS::FileSystem", null, "fs-${?file system id}", ("FileSystemId", "fs-${?file system id}"), ("Arn", R("elasticfilesystem") + "file-system/fs-${?file system id}")),
        T("AWS::EFS::AccessPoint", null, "fsap-${?access point id}", ("AccessPointId", "fsap-${?access point id}"), ("Arn", R("elasticfilesystem") + "access-point/fsap-${?access point id}")),
        T("AWS::OpenSearchService::Domain", "DomainName", "${Name}", ("Arn", R("es") + "domain/${Name}"), ("DomainArn", R("es") + "domain/${Name}"), ("DomainEndpoint", "${?domain endpoint}")) with { Generated = GeneratedName.LowerStackAndLogicalId },
        T("AWS::Elasticsearch::Domain", "DomainName", "${Name}", ("Arn", R("es") + "domain/${Name}"), ("DomainArn", R("es") + "domain/${Name}"), ("DomainEndpoint", "${?domain endpoint}")) with { Generated = GeneratedName.LowerStackAndLogicalId },
        T("AWS::EC2::VPC", null, "vpc-${?vpc id}", ("VpcId", "vpc-${?vpc id}"), ("CidrBlock", "${Prop:CidrBlock}"), ("DefaultSecurityGroup", "sg-${?default security group id}")),
        T("AWS::RDS::DBInstance", "DBInstanceIdentifier", "${Name}", ("DBInstanceArn", R("rds") + "db:${Name}"),
            ("MasterUserSecret.SecretArn", R("secretsmanager") + "secret:rds!db-${?secret id}")) with { Generated = GeneratedName.LowerStackAndLogicalId },
        T("AWS::RDS::DBCluster", "DBClusterIdentifier", "${Name}", ("DBClusterArn", R("rds") + "cluster:${Name}"),
            ("MasterUserSecret.SecretArn", R("secretsmanager") + "secret:rds!cluster-${?secret id}")) with { Generated = GeneratedName.LowerStackAndLogicalId },
        T("AWS::EC2::Subnet", null, "subnet-${?subnet id}", ("SubnetId", "subnet-${?subnet id}")),
        T("AWS::EC2::SecurityGroup", null, "sg-${?security group id}", ("GroupId", "sg-${?security group id}"), ("VpcId", "${Prop:VpcId}")),
        T("AWS::EC2::VPCEndpoint", null, "vpce-${?vpc endpoint id}", ("Id", "vpce-${?vpc endpoint id}")),
        T("AWS::EC2::Instance", null, "i-${?instance id}"),
        T("AWS::ApiGateway::RestApi", null, "${?rest api id}", ("RestApiId", "${?rest api id}"), ("RootResourceId", "${?root resource id}")),
        T("AWS::Serverless::Api", null, "${?rest api id}"),
        T("AWS::Backup::BackupVault", "BackupVaultName", "${Name}", ("BackupVaultArn", R("backup") + "backup-vault:${Name}"), ("BackupVaultName", "${Name}")) with { Generated = GeneratedName.None },
        T("AWS::CodeArtifact::Domain", "DomainName", "${@Arn}", ("Arn", R("codeartifact") + "domain/${Name}"), ("Name", "${Name}"), ("Owner", "${AccountId}")) with { Generated = GeneratedName.None },
        T("AWS::CodeArtifact::Repository", "RepositoryName", "${@Arn}", ("Arn", R("codeartifact") + "repository/${Prop:DomainName}/${Name}"),
            ("Name", "${Name}"), ("DomainName", "${Prop:DomainName}"), ("DomainOwner", "${AccountId}")) with { Generated = GeneratedName.None },
        T("AWS::CloudTrail::Trail", "TrailName", "${Name}", ("Arn", R("cloudtrail") + "trail/${Name}")),
        T("AWS::CloudTrail::EventDataStore", null, "${@EventDataStoreArn}", ("EventDataStoreArn", R("cloudtrail") + "eventdatastore/${?event data store id}")),
        T("AWS::CloudTrail::Dashboard", "Name", "${@DashboardArn}", ("DashboardArn", R("cloudtrail") + "dashboard/${Name}")) with { Generated = GeneratedName.None },
        T("AWS::CloudTrail::Channel", null, "${@ChannelArn}", ("ChannelArn", R("cloudtrail") + "channel/${?channel id}")),
        T("AWS::ECS::Cluster", "ClusterName", "${Name}", ("Arn", R("ecs") + "cluster/${Name}")),
        T("AWS::CloudWatch::Alarm", "AlarmName", "${Name}", ("Arn", R("cloudwatch") + "alarm:${Name}")),
        T("AWS::SSM::Parameter", "Name", "${Name}", ("Type", "${Prop:Type}"), ("Value", "${Prop:Value}")),
        T("AWS::Cognito::UserPool", null, "${Region}_${?user pool id}", ("Arn", R("cognito-idp") + "userpool/${Region}_${?user pool id}")),
        T("AWS::Scheduler::ScheduleGroup", "Name", "${Name}", ("Arn", R("scheduler") + "schedule-group/${Name}")),
        T("AWS::CertificateManager::Certificate", null, R("acm") + "certificate/${?certificate id}"),
        T("AWS::SSO::PermissionSet", "Name", "${@PermissionSetArn}", ("PermissionSetArn", "arn:${Partition}:sso:::permissionSet/${?instance id}/ps-${?permission set id}")) with { Generated = GeneratedName.None },
        T("AWS::AppSync::GraphQLApi", null, "${@Arn}", ("Arn", R("appsync") + "apis/${?api id}"), ("ApiId", "${?api id}")),
    ]);

    public static ResourceTypeInfo? Find(string type) => Types.GetValueOrDefault(type);

    public static IEnumerable<string> KnownTypes => Types.Keys.Order(StringComparer.Ordinal);

    private static string R(string service) => Region.Replace("{0}", service, StringComparison.Ordinal);

    private static string G(string service) => Global.Replace("{0}", service, StringComparison.Ordinal);

    private static ResourceTypeInfo T(string type, string? nameProperty, string reference, params (string Name, string Format)[] attributes) =>
        new(type, nameProperty, nameProperty is null ? GeneratedName.None : GeneratedName.StackAndLogicalId, reference,
            attributes.ToFrozenDictionary(a => a.Name, a => a.Format, StringComparer.Ordinal));

    private static FrozenDictionary<string, ResourceTypeInfo> Build(ResourceTypeInfo[] types) =>
        types.ToFrozenDictionary(t => t.Type, StringComparer.Ordinal);
}
