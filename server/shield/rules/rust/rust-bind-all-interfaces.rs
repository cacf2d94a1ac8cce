use std::net::{SocketAddr, TcpListener};

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    // ruleid: rust-bind-all-interfaces
    let listener = TcpListener::bind("0.0.0.0:9000")?;
    // ruleid: rust-bind-all-interfaces
    let addr = SocketAddr::from(([0, 0, 0, 0], 3000));
    // ruleid: rust-bind-all-interfaces
    let parsed: SocketAddr = "0.0.0.0:8080".parse().unwrap();
    // ok: rust-bind-all-interfaces
    let local = TcpListener::bind("127.0.0.1:9000")?;
    // ok: rust-bind-all-interfaces
    let cfgd = TcpListener::bind(&settings.listen_addr)?;
    // ok: rust-bind-all-interfaces
    println!("listening on 0.0.0.0:9000");
    // TcpListener::bind("0.0.0.0:9000") in a comment
    drop((listener, addr, parsed, local, cfgd));
    HttpServer::new(|| App::new())
        // ruleid: rust-bind-all-interfaces
        .bind(("0.0.0.0", 8080))?
        .run()
        .await
}

// fragment
    // ruleid: rust-bind-all-interfaces
    let listener = tokio::net::TcpListener::bind("[::]:443").await?;
