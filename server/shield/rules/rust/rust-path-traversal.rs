use actix_files::NamedFile;
use actix_web::{web, HttpRequest};
use std::path::PathBuf;

async fn download(req: HttpRequest) -> actix_web::Result<NamedFile> {
    let name = req.match_info().query("filename");
    // ruleid: rust-path-traversal
    let path = PathBuf::from("/srv/files").join(name);
    Ok(NamedFile::open(path)?)
}

async fn read(query: web::Query<FileQuery>) -> std::io::Result<String> {
    // ruleid: rust-path-traversal
    tokio::fs::read_to_string(format!("/srv/data/{}", query.file)).await
}

async fn fixed() -> std::io::Result<String> {
    // ok: rust-path-traversal
    let index = std::fs::read_to_string("/srv/files/index.html")?;
    let name = "readme.md";
    // ok: rust-path-traversal
    let p = PathBuf::from("/srv/files").join(name);
    // fs::read(query.file) in a comment
    Ok(index + p.to_str().unwrap())
}

// fragment: an axum handler body
    // ruleid: rust-path-traversal
    let target = Path::new(UPLOAD_DIR).join(&params.filename);
    // ruleid: rust-path-traversal
    let mut file = File::create(&target).await?;

async fn fixed() -> std::io::Result<String> {
    // ok: rust-path-traversal
    tokio::fs::read_to_string("/srv/data/index.json").await
}
