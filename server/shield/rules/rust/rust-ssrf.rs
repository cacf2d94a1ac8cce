use axum::{extract::Query, Json};

async fn preview(Query(params): Query<PreviewParams>, client: reqwest::Client) -> anyhow::Result<String> {
    // ruleid: rust-ssrf
    let body = reqwest::get(&params.url).await?.text().await?;
    let hook = payload.webhook_url.clone();
    // ruleid: rust-ssrf
    client.post(hook).json(&event).send().await?;
    // ok: rust-ssrf
    let status = reqwest::get("https://status.example.com/health").await?;
    // ok: rust-ssrf
    let user = client.get(format!("{}/users/{}", API_BASE, params.id)).send().await?;
    // ok: rust-ssrf
    let v = map.get(&params.url);
    // reqwest::get(&params.url) in a comment
    drop((status, user, v));
    Ok(body)
}

// fragment
    let target = query.target.clone();
    // ruleid: rust-ssrf
    let resp = reqwest::blocking::get(&target)?;
