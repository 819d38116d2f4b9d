using Dovetail.Grains.Lake.Queries;

namespace Dovetail.Grains.Tests;

public sealed class LakeQueryPathsTests
{
    private const string ObjectPath = "changes/date=2026-12-04/hour=17/p003-20261204T170500Z-0001.parquet";

    [Fact]
    public void ResultPath_MirrorsObjectPath() =>
        Assert.Equal("results/object-summary/date=2026-12-04/hour=17/p003-20261204T170500Z-0001.json", LakeQueryPaths.ResultPath(ObjectPath));

    [Fact]
    public void DeadLetterPath_MapsBackToObjectPath() =>
        Assert.Equal(ObjectPath, LakeQueryPaths.ObjectPathOfDeadLetter(LakeQueryPaths.DeadLetterPath(ObjectPath)));

    [Theory]
    [InlineData("manifests/date=2026-12-04/hour=17/p003-20261204T170500Z-0001.manifest.json")]
    [InlineData("changes/date=2026-12-04/hour=17/p003.json")]
    [InlineData("changes/.parquet")]
    public void ResultPath_NotChangeObject_Throws(string path) =>
        Assert.Throws<ArgumentException>(() => LakeQueryPaths.ResultPath(path));

    [Fact]
    public void QuoteLiteral_DoublesQuotes() =>
        Assert.Equal("'/tmp/it''s here/a.parquet'", LakeQuerySql.QuoteLiteral("/tmp/it's here/a.parquet"));

    [Fact]
    public void BindObjectFile_ReplacesPlaceholderWithLiteral()
    {
        var sql = LakeQuerySql.BindObjectFile(LakeQuerySql.ObjectSummary, "/tmp/x'y.parquet");

        Assert.DoesNotContain(LakeQuerySql.ObjectFilePlaceholder, sql, StringComparison.Ordinal);
        Assert.Contains("'/tmp/x''y.parquet'", sql, StringComparison.Ordinal);
    }
}
