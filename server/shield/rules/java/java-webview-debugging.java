class Browser {
    void init() {
        // ruleid: java-webview-debugging
        WebView.setWebContentsDebuggingEnabled(true);
        // ruleid: java-webview-debugging
        android.webkit.WebView.setWebContentsDebuggingEnabled( true );
        // ok: java-webview-debugging
        WebView.setWebContentsDebuggingEnabled(false);
        // ok: java-webview-debugging
        WebView.setWebContentsDebuggingEnabled(BuildConfig.DEBUG);
        // ok: java-webview-debugging
        // WebView.setWebContentsDebuggingEnabled(true);
    }
}
