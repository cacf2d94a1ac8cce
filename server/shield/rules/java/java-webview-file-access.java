class Browser {
    void init(WebSettings settings) {
        // ruleid: java-webview-file-access
        settings.setAllowFileAccess(true);
        // ruleid: java-webview-file-access
        settings.setAllowFileAccessFromURLs(true);
        // ruleid: java-webview-file-access
        settings.setAllowUniversalAccessFromURLs(true);
        // ruleid: java-webview-file-access
        settings.setAllowUniversalAccessFromFileURLs(true);
        // ok: java-webview-file-access
        settings.setAllowFileAccess(false);
        // ok: java-webview-file-access
        settings.setAllowContentAccess(true);
        // ok: java-webview-file-access
        settings.setJavaScriptEnabled(true);
    }
}
