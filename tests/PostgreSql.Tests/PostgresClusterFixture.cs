using Dovetail.Grains.Hosting;
using Dovetail.PostgreSql.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;
using Xunit;

namespace Dovetail.PostgreSql.Tests;

/// <summary>A two-silo test cluster on its own migrated database, with membership, storage and reminders there.</summary>
public sealed class PostgresClusterFixture : IAsyncLifetime
{
    public const string StorageName = "dovetail-test";

    private const string ConnectionStringKey = "DovetailTests:PostgresConnectionString";

    public TestDatabase Database { get; private set; } = null!;

    public TestCluster Cluster { get; private set; } = null!;

    public string ClusterId { get; } = $"dovetail-test-{Guid.NewGuid():N}";

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateMigratedAsync(CancellationToken.None);

        var builder = new TestClusterBuilder(initialSilosCount: 2);
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ClusterId = ClusterId;
        builder.Options.ServiceId = $"dovetail-test-service-{Guid.NewGuid():N}";
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(
            new Dictionary<string, string?> { [ConnectionStringKey] = Database.ConnectionString }));
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();

        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.StopAllSilosAsync();
            await Cluster.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }

    private static string ReadConnectionString(IConfiguration configuration) =>
        configuration[ConnectionStringKey]
        ?? throw new InvalidOperationException($"The test configuration has no '{ConnectionStringKey}' value.");

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.UsePostgres(ReadConnectionString(siloBuilder.Configuration), StorageName);

            // Lets the reminder test use a period of seconds; the default minimum is one minute.
            siloBuilder.Services.Configure<ReminderOptions>(options =>
                options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.UsePostgresClustering(ReadConnectionString(configuration));
    }
}
