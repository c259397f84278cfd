package httpd.tls;

import httpd.http.Html;

/**
 * The page a phone opens to trust the local CA ({@code /__httpd/ca}, over plain HTTP too, since a phone cannot
 * open https before it trusts the CA): a download of the certificate and the steps on iOS and Android.
 */
public final class CaPage {
    public static final String PAGE_PATH = "/__httpd/ca";
    public static final String CERTIFICATE_PATH = "/__httpd/ca.crt";
    /** The type iOS and Android open as "install a CA certificate" rather than as a file to save. */
    public static final String CERTIFICATE_TYPE = "application/x-x509-ca-cert";

    private CaPage() {
    }

    public static String html(String caName, String fingerprint) {
        return TEMPLATE.replace("{name}", Html.escape(caName)).replace("{fingerprint}", Html.escape(fingerprint))
                .replace("{certificate}", CERTIFICATE_PATH);
    }

    private static final String TEMPLATE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Trust httpd's local CA</title>
            <style>
              :root { color-scheme: light dark; --fg: #1d1d1f; --bg: #fafafa; --card: #fff; --accent: #0b63c5; --muted: #666; }
              @media (prefers-color-scheme: dark) { :root { --fg: #eee; --bg: #17181a; --card: #222428; --accent: #6cb4ff; --muted: #aaa; } }
              body { font: 18px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg);
                     margin: 0; padding: 1.2rem; }
              main { max-width: 40rem; margin: 0 auto; }
              h1 { font-size: 1.6rem; margin: 0.2rem 0 0.6rem; }
              .card { background: var(--card); border-radius: 12px; padding: 1rem 1.2rem; margin: 1rem 0;
                      box-shadow: 0 1px 3px rgba(0,0,0,.12); }
              a.button { display: block; text-align: center; background: var(--accent); color: #fff; font-weight: 600;
                         text-decoration: none; padding: 0.9rem; border-radius: 10px; font-size: 1.1rem; }
              h2 { font-size: 1.15rem; margin: 0 0 0.4rem; }
              ol { padding-left: 1.3rem; margin: 0.3rem 0; }
              li { margin: 0.3rem 0; }
              .muted { color: var(--muted); font-size: 0.9rem; }
              code { font: 0.8rem/1.4 ui-monospace, Menlo, Consolas, monospace; word-break: break-all; }
            </style>
            </head>
            <body>
            <main>
            <h1>Trust this computer's httpd</h1>
            <p>This server uses HTTPS with a certificate from <strong>{name}</strong>. Install that CA once on this
            device and every httpd page from that computer opens over https without a warning.</p>
            <a class="button" href="{certificate}">Download the CA certificate</a>
            <div class="card">
            <h2>iPhone and iPad</h2>
            <ol>
            <li>Tap <em>Download</em> above, then <em>Allow</em>.</li>
            <li>Settings › <em>Profile Downloaded</em> › Install (enter your passcode).</li>
            <li>Settings › General › About › Certificate Trust Settings: turn on full trust for <em>{name}</em>.</li>
            </ol>
            </div>
            <div class="card">
            <h2>Android</h2>
            <ol>
            <li>Tap <em>Download</em> above.</li>
            <li>Settings › Security › Encryption &amp; credentials › Install a certificate › CA certificate.</li>
            <li>Pick the downloaded <em>ca.crt</em> and confirm.</li>
            </ol>
            </div>
            <div class="card">
            <h2>Check it is the right one</h2>
            <p class="muted">The SHA-256 fingerprint your device shows must be:</p>
            <code>{fingerprint}</code>
            <p class="muted">On the computer, <code>java -jar httpd.jar trust</code> prints the same fingerprint
            and the commands for its own browsers.</p>
            </div>
            <p class="muted">Only the certificate is offered here; the CA's private key never leaves the computer.</p>
            </main>
            </body>
            </html>
            """;
}
