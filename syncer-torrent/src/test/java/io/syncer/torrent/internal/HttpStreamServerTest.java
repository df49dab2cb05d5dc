package io.syncer.torrent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpStreamServerTest {
  private static final byte[] CONTENT = new byte[300_000];

  static {
    new Random(3).nextBytes(CONTENT);
  }

  private final HttpStreamServer server;
  private final HttpClient client = HttpClient.newHttpClient();
  private final CountDownLatch readerClosed = new CountDownLatch(1);
  private volatile CountDownLatch gate = new CountDownLatch(0);

  HttpStreamServerTest() throws IOException {
    server = HttpStreamServer.start(InetAddress.getLoopbackAddress(), 0);
    server.publish("/movie/0", new MemorySource());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void getWithoutRangeServesEverythingWith200() throws Exception {
    HttpResponse<byte[]> response = get("/movie/0/clip.mp4", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("video/mp4");
    assertThat(response.headers().firstValue("accept-ranges")).hasValue("bytes");
    assertThat(response.headers().firstValueAsLong("content-length")).hasValue(CONTENT.length);
    assertThat(response.body()).isEqualTo(CONTENT);
  }

  @Test
  void rangesAreServedWith206AndContentRange() throws Exception {
    assertPartial("bytes=1000-1999", 1000, 1999);
    assertPartial("bytes=299000-", 299_000, CONTENT.length - 1);
    assertPartial("bytes=-500", CONTENT.length - 500, CONTENT.length - 1);
    assertPartial("bytes=299990-400000", 299_990, CONTENT.length - 1);
  }

  @Test
  void unsatisfiableRangesGet416WithTheLength() throws Exception {
    HttpResponse<byte[]> response = get("/movie/0", "bytes=300000-");

    assertThat(response.statusCode()).isEqualTo(416);
    assertThat(response.headers().firstValue("content-range")).hasValue("bytes */" + CONTENT.length);
  }

  @Test
  void headSendsTheHeadersOfTheGetWithoutBody() throws Exception {
    HttpResponse<byte[]> response =
        client.send(
            HttpRequest.newBuilder(uri("/movie/0")).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Range", "bytes=10-19").build(),
            HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(206);
    assertThat(response.headers().firstValue("content-range")).hasValue("bytes 10-19/" + CONTENT.length);
    assertThat(response.headers().firstValueAsLong("content-length")).hasValue(10);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void malformedUnknownAndUnsupportedRequestsGetClearStatuses() throws Exception {
    assertThat(get("/movie/0", "bytes=oops").statusCode()).isEqualTo(400);
    assertThat(get("/nothing/here", null).statusCode()).isEqualTo(404);
    assertThat(get("/", null).statusCode()).isEqualTo(404);
    HttpResponse<byte[]> post =
        client.send(HttpRequest.newBuilder(uri("/movie/0")).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("allow")).hasValue("GET, HEAD");
  }

  @Test
  void garbageOnTheSocketGets400AndTheServerKeepsServing() throws Exception {
    try (Socket socket = connect()) {
      socket.getOutputStream().write("\u0001\u0002 GARBAGE \r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      assertThat(readAll(socket.getInputStream())).startsWith("HTTP/1.1 400");
    }
    try (Socket socket = connect()) {
      socket.getOutputStream().write(("GET /movie/0 HTTP/1.1\r\nHost: x\r\n" + "X: " + "y".repeat(20_000)
          + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      assertThat(readAll(socket.getInputStream())).startsWith("HTTP/1.1 400");
    }
    assertThat(get("/movie/0", "bytes=0-0").statusCode()).isEqualTo(206);
  }

  @Test
  void keepAliveAnswersSeveralRequestsOnOneConnection() throws Exception {
    try (Socket socket = connect()) {
      var out = socket.getOutputStream();
      var in = socket.getInputStream();
      for (int i = 0; i < 3; i++) {
        out.write(("GET /movie/0 HTTP/1.1\r\nHost: x\r\nRange: bytes=" + i + "-" + i + "\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
        String head = readHead(in);
        assertThat(head).startsWith("HTTP/1.1 206").contains("content-range: bytes " + i + "-" + i + "/");
        assertThat(in.read()).isEqualTo(CONTENT[i] & 0xff);
      }
    }
  }

  @Test
  void aClientThatHangsUpMidBodyReleasesItsReaderAtOnce() throws Exception {
    gate = new CountDownLatch(1);
    try (Socket socket = connect()) {
      socket.getOutputStream().write("GET /movie/0 HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      assertThat(readHead(socket.getInputStream())).startsWith("HTTP/1.1 200");
    }
    assertThat(readerClosed.await(10, TimeUnit.SECONDS)).as("reader closed after hang-up").isTrue();
    gate.countDown();
    assertThat(get("/movie/0", "bytes=5-9").body()).isEqualTo(Arrays.copyOfRange(CONTENT, 5, 10));
  }

  private void assertPartial(String range, int start, int end) throws Exception {
    HttpResponse<byte[]> response = get("/movie/0/any-name.mp4", range);
    assertThat(response.statusCode()).as(range).isEqualTo(206);
    assertThat(response.headers().firstValue("content-range"))
        .hasValue("bytes " + start + "-" + end + "/" + CONTENT.length);
    assertThat(response.body()).isEqualTo(Arrays.copyOfRange(CONTENT, start, end + 1));
  }

  private HttpResponse<byte[]> get(String path, String range) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
    if (range != null) {
      request.header("Range", range);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.address().getPort() + path);
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort());
    socket.setSoTimeout(10_000);
    return socket;
  }

  private static String readAll(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
  }

  /** The status line and headers, lower-cased, up to the blank line. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    return text.substring(0, 8) + text.substring(8).toLowerCase();
  }

  /** In-memory content whose reads wait at {@link #gate}, as torrent reads wait for pieces. */
  private final class MemorySource implements RangeSource {
    @Override
    public long length() {
      return CONTENT.length;
    }

    @Override
    public String contentType() {
      return "video/mp4";
    }

    @Override
    public ReadableByteChannel open(long position) {
      return new ReadableByteChannel() {
        private long next = position;
        private volatile boolean open = true;

        @Override
        public int read(ByteBuffer target) throws IOException {
          try {
            while (open && !gate.await(50, TimeUnit.MILLISECONDS)) {
              // waiting like a read for a missing piece
            }
          } catch (InterruptedException e) {
            throw new IOException(e);
          }
          if (!open) {
            throw new java.nio.channels.AsynchronousCloseException();
          }
          if (next >= CONTENT.length) {
            return -1;
          }
          int count = (int) Math.min(target.remaining(), CONTENT.length - next);
          target.put(CONTENT, (int) next, count);
          next += count;
          return count;
        }

        @Override
        public boolean isOpen() {
          return open;
        }

        @Override
        public void close() {
          open = false;
          readerClosed.countDown();
        }
      };
    }
  }
}
