package httpd.server;

import httpd.http.Decision;

/** The decisions the connection side takes about an exchange: whether the connection goes on after it. */
enum ConnectionDecision implements Decision {
    KEEP_ALIVE("{0} → the connection stays open for the next request", "RFC 9112 §9.3"),
    REUSED("request {0} on this connection: it was kept alive, no new TCP handshake", "RFC 9112 §9.3"),
    PIPELINED("the next request is already here (pipelined): it is answered after this one, in order",
            "RFC 9112 §9.3.2"),
    CLOSE_ASKED("Connection: close → connection ends after this response", "RFC 9112 §9.6"),
    HTTP_1_0("HTTP/1.0 without Connection: keep-alive → connection ends after this response", "RFC 9112 §9.3"),
    BODY_UNREAD("a request body that was not read → connection ends after this response", "RFC 9112 §6.3"),
    STOPPING("the server is stopping → connection ends after this response", ""),
    PLAIN_ON_TLS("plain HTTP on the TLS port → sent to https, connection ends", ""),
    UNTIL_CLOSE("a body of unknown length ends when the connection does", "RFC 9112 §6.3"),
    BAD_HEAD("{0} → {1}, and the connection ends: the rest of the stream cannot be trusted", ""),
    HEAD("HEAD → the head GET would get, without the body", "RFC 9110 §9.3.2"),
    HEAD_TOO_SLOW("the head was not whole within --header-timeout → {0}, and the connection ends", "RFC 9110 §15.5.9");

    private final String template;
    private final String rule;

    ConnectionDecision(String template, String rule) {
        this.template = template;
        this.rule = rule;
    }

    @Override
    public String template() {
        return template;
    }

    @Override
    public String rule() {
        return rule;
    }
}
