using Dovetail.Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Dovetail.PostgreSql.Tests.Submissions;

/// <summary>
/// Configures each test silo as a PostgreSQL-mode silo: the production <c>UsePostgres</c> wiring for membership,
/// grain storage and reminders, and the production grain registrations.
/// </summary>
public sealed class PostgresSubmissionSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        var configuration = siloBuilder.Configuration;
        siloBuilder.UsePostgres(ConnectionString(configuration), DovetailSiloBuilderExtensions.StorageName);
        siloBuilder.AddDovetailGrains(configuration);
    }

    internal static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(DovetailSiloBuilderExtensions.ConnectionStringName)
        ?? throw new InvalidOperationException(
            "The test configuration has no "
            + $"'ConnectionStrings:{DovetailSiloBuilderExtensions.ConnectionStringName}' value.");
}
