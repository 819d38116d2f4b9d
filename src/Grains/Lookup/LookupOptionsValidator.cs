using Microsoft.Extensions.Options;

namespace Dovetail.Grains.Lookup;

/// <summary>
/// Rejects lookup settings that would make the client misbehave, such as a zero timeout or a relative address.
/// </summary>
public sealed class LookupOptionsValidator : IValidateOptions<LookupOptions>
{
    public ValidateOptionsResult Validate(string? name, LookupOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var errors = new List<string>();
        if (options.BaseAddress is not { IsAbsoluteUri: true } address
            || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"Lookup:BaseAddress must be an absolute http or https URI, got '{options.BaseAddress}'.");
        }

        RequirePositive(errors, nameof(options.RequestsPerSecond), options.RequestsPerSecond);
        RequirePositive(errors, nameof(options.MaxConcurrency), options.MaxConcurrency);
        RequirePositive(errors, nameof(options.MaxAttempts), options.MaxAttempts);
        RequirePositive(errors, nameof(options.BaseDelay), options.BaseDelay);
        RequirePositive(errors, nameof(options.MaxDelay), options.MaxDelay);
        RequirePositive(errors, nameof(options.MaxRetryAfter), options.MaxRetryAfter);
        RequirePositive(errors, nameof(options.CallTimeout), options.CallTimeout);
        RequirePositive(errors, nameof(options.CircuitFailureThreshold), options.CircuitFailureThreshold);
        RequirePositive(errors, nameof(options.CircuitBreakDuration), options.CircuitBreakDuration);
        RequirePositive(errors, nameof(options.MaxResponseBytes), options.MaxResponseBytes);
        RequirePositive(errors, nameof(options.CacheTimeToLive), options.CacheTimeToLive);
        RequirePositive(errors, nameof(options.CacheMaxEntries), options.CacheMaxEntries);

        if (options.MaxDelay < options.BaseDelay)
        {
            errors.Add($"Lookup:MaxDelay ({options.MaxDelay}) must not be less than Lookup:BaseDelay ({options.BaseDelay}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void RequirePositive(List<string> errors, string name, double value)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            errors.Add($"Lookup:{name} must be a positive number, got {value}.");
        }
    }

    private static void RequirePositive(List<string> errors, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"Lookup:{name} must be a positive duration, got {value}.");
        }
    }
}
