using Dovetail.Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Dovetail.PostgreSql.Tests.Submissions;

/// <summary>Lets the test cluster's client find the silos through the PostgreSQL membership table.</summary>
public sealed class PostgresSubmissionClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder.UsePostgresClustering(PostgresSubmissionSiloConfigurator.ConnectionString(configuration));
}
