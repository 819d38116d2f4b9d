using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dovetail.Grains.Hosting;

/// <summary>
/// Configures a silo with Dovetail's grains and providers. Without a <c>ConnectionStrings:Dovetail</c> value the
/// silo runs in local mode (localhost clustering, in-memory state, reminders and streams).
/// </summary>
public static class DovetailSiloBuilderExtensions
{
    /// <summary>The name of the grain storage that holds submissions and idempotency keys.</summary>
    public const string StorageName = "dovetail";

    public static ISiloBuilder AddDovetail(this ISiloBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);

        builder.UseLocalhostClustering();
        builder.AddMemoryGrainStorage(StorageName);
        builder.UseInMemoryReminderService();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}
