package org.fieldaid.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser made of plain HTTP requests, through the whole filter chain of the running application. It signs in
 * with the login form, and opens a Vaadin page the way Vaadin's client engine does (an init request, then a
 * navigation event), which answers with what the page shows.
 */
public final class HttpBrowser {

    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");
    private static final Pattern CSRF = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    private static final Pattern TEXT = Pattern.compile("\"key\":\"text\",\"feat\":\\d+,\"value\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static final Pattern SYNC_ID = Pattern.compile("\"syncId\":(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private String session;
    private String uiId;
    private String csrf;
    private String syncId;
    private int clientId;

    public HttpBrowser(int port) {
        this.base = "http://localhost:" + port + "/";
    }

    /** What a Vaadin page showed: its texts in document order, and the raw answer of the server. */
    public record VaadinPage(List<String> texts, String raw) {
    }

    public HttpBrowser signIn(String username) throws IOException, InterruptedException {
        return signIn(username, "fieldaid");
    }

    public HttpBrowser signIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<Void> response = postLoginForm(request("login"), username, password);
        assertThat(response.headers().firstValue("Location")).as("signed in").hasValue(base);
        keepSession(response);
        return this;
    }

    /**
     * Posts the login form in this browser's session (so behind a load balancer it reaches the node that holds
     * the session) and keeps the session it ends with. @return where the server sends the browser next
     */
    public String postLoginInSession(String username, String password) throws IOException, InterruptedException {
        HttpResponse<Void> response = postLoginForm(request("login"), username, password);
        assertThat(response.statusCode()).isEqualTo(302);
        keepSession(response);
        return response.headers().firstValue("Location").orElseThrow();
    }

    /** Posts the login form without keeping its session. @return where the server sends the browser next */
    public String postLogin(String username, String password) throws IOException, InterruptedException {
        HttpResponse<Void> response = postLoginForm(HttpRequest.newBuilder(URI.create(base + "login")), username,
                password);
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private HttpResponse<Void> postLoginForm(HttpRequest.Builder request, String username, String password)
            throws IOException, InterruptedException {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return http.send(request.header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        keepSession(response);
        return response;
    }

    public VaadinPage open(String route) throws IOException, InterruptedException {
        HttpResponse<String> init = get("?v-r=init&location=" + URLEncoder.encode(route, StandardCharsets.UTF_8)
                + "&query=");
        assertThat(init.statusCode()).as("init of " + route).isEqualTo(200);
        uiId = first(UI_ID, init.body());
        csrf = first(CSRF, init.body());
        String event = "{\"csrfToken\":\"" + csrf + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,"
                + "\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + route + "\",\"query\":\"\",\"appShellTitle\":\"\","
                + "\"historyState\":{\"idx\":0},\"trigger\":\"\"}}],\"syncId\":0,\"clientId\":0}";
        HttpResponse<String> uidl = http.send(request("?v-r=uidl&v-uiId=" + uiId)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(uidl.statusCode()).as("navigation to " + route).isEqualTo(200);
        syncId = first(SYNC_ID, uidl.body());
        clientId = 1;
        List<String> texts = new ArrayList<>();
        Matcher m = TEXT.matcher(uidl.body());
        while (m.find()) {
            texts.add(unescape(m.group(1)));
        }
        return new VaadinPage(texts, uidl.body());
    }

    /**
     * Sends the page last opened a message with nothing in it, as Vaadin's client engine does for a heartbeat-like
     * round trip, and answers with the server's raw reply.
     */
    public HttpResponse<String> sendEmptyMessage() throws IOException, InterruptedException {
        String message = "{\"csrfToken\":\"" + csrf + "\",\"rpc\":[],\"syncId\":" + syncId + ",\"clientId\":"
                + clientId++ + "}";
        HttpResponse<String> response = http.send(request("?v-r=uidl&v-uiId=" + uiId)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(message)).build(), HttpResponse.BodyHandlers.ofString());
        keepSession(response);
        Matcher sync = SYNC_ID.matcher(response.body());
        if (sync.find()) {
            syncId = sync.group(1);
        }
        return response;
    }

    /** The session cookie the server gave last, null before any. */
    public String session() {
        return session;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (session != null) {
            builder.header("Cookie", "JSESSIONID=" + session);
        }
        return builder;
    }

    private void keepSession(HttpResponse<?> response) {
        response.headers().allValues("Set-Cookie").stream().map(SESSION::matcher).filter(Matcher::find)
                .findFirst().ifPresent(m -> session = m.group(1));
    }

    private static String first(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        assertThat(m.find()).as(pattern + " in " + body.substring(0, Math.min(300, body.length()))).isTrue();
        return m.group(1);
    }

    private static String unescape(String json) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = json.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }
}
