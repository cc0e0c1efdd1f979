import java.lang.reflect.Field;
import org.eclipse.jetty.server.AbstractNetworkConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * Starts DynamoDB Local (its jar on the classpath, its own command-line arguments) listening on
 * 127.0.0.1 only, and exits when standard input reaches end-of-file.
 *
 * Run with Java's source launcher (`java -cp DynamoDBLocal.jar LoopbackDynamoDbLocal.java ...`):
 * a JRE compiles it, so no build step and no JDK are needed.
 *
 * Why: the jar has no bind-address option and its Jetty listens on every interface, so without
 * this anyone on the network could write to the table (and mint admin keys). And the process that
 * starts it holds the other end of standard input: however that process ends, even by SIGKILL,
 * the kernel closes the pipe and this JVM follows instead of lingering as an orphan.
 */
public class LoopbackDynamoDbLocal {
  public static void main(String[] args) throws Exception {
    Thread watchdog = new Thread(() -> {
      try {
        while (System.in.read() != -1) {
          // Nobody writes to this pipe; only its closing matters.
        }
      } catch (java.io.IOException closed) {
        // A broken pipe means the parent is gone, like end-of-file.
      }
      System.exit(0);
    }, "parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();

    // ServerRunner.main would also configure telemetry; with -disableTelemetry that does nothing.
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    // The Jetty server is private and built in the constructor; its connectors bind only on start().
    Field serverField = DynamoDBProxyServer.class.getDeclaredField("server");
    serverField.setAccessible(true);
    Server jetty = (Server) serverField.get(proxy);
    Connector[] connectors = jetty.getConnectors();
    if (connectors.length == 0) throw new IllegalStateException("DynamoDB Local's Jetty has no connector to bind to loopback");
    for (Connector connector : connectors) {
      if (!(connector instanceof AbstractNetworkConnector)) throw new IllegalStateException("Unexpected Jetty connector " + connector);
      ((AbstractNetworkConnector) connector).setHost("127.0.0.1");
    }
    proxy.start();
  }
}
