using System.Net;
using System.Net.Sockets;

namespace Dovetail.Benchmarks.Hosting;

/// <summary>
/// Finds a free TCP port on the loopback interface.
/// </summary>
internal static class FreePort
{
    // NOTE: the port is released before the child process binds it, so another program could take it in between.
    // The child then fails to start, and the readiness wait reports the path of its log.
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
