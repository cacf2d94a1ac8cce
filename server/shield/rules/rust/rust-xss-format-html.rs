use actix_web::HttpResponse;
use axum::{extract::Query, response::Html};

async fn hello(Query(params): Query<Params>) -> Html<String> {
    // ruleid: rust-xss-format-html
    Html(format!("<h1>Hello, {}!</h1>", params.name))
}

async fn greet(name: String) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        // ruleid: rust-xss-format-html
        .body(format!("<p>Welcome {name}</p>"))
}

async fn safe(Query(params): Query<Params>) -> Html<String> {
    // ok: rust-xss-format-html
    let a = Html(format!("<h1>Hello, {}!</h1>", html_escape::encode_text(&params.name)));
    // ok: rust-xss-format-html
    let b = Html("<h1>Hello</h1>".to_string());
    // ok: rust-xss-format-html
    let json = HttpResponse::Ok().content_type("application/json").body(format!("{{\"n\":{}}}", 1));
    // Html(format!("<b>{}</b>", name)) in a comment
    drop((b, json));
    a
}

// fragment
    let page = format!("<html><body>{}</body></html>", comment.text);
    // ruleid: rust-xss-format-html
    Html(page)
