using System.Net;
using System.Net.Sockets;

namespace Dovetail.Demo.Hosting;

/// <summary>
/// Finds a free TCP port on the loopback interface.
/// </summary>
internal static class FreePort
{
    // NOTE: the port is released before the service binds it, so another program could take it in between.
    // The service then fails to start, and the demo prints the path of its log.
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
