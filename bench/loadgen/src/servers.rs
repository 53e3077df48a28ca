//! The processes the bench measures against: the fake upstream with a
//! fixed service time, and a bare hyper server (the machine's ceiling: what
//! HTTP/1.1 keep-alive on loopback costs with no application at all).
//!
//! Each prints `listening <url>` once bound and exits when stdin closes.

use std::convert::Infallible;
use std::time::Duration;

use bytes::Bytes;
use http::{header, HeaderValue, Request, Response};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use switchboard_testkit::demo::northwind;
use switchboard_testkit::fake::spawn_hubspot;

/// The body the bare server answers with: the echo reference's reply, so
/// that the client does the same work against both.
const BARE_BODY: &str = r#"{"jsonrpc":"2.0","id":1,"result":{"content":[{"type":"text","text":"hello"}],"isError":false}}"#;

/// Exits the process when stdin reaches EOF (the bench closed its end, or
/// died).
fn exit_with_stdin() {
    std::thread::spawn(|| {
        let _ = std::io::copy(&mut std::io::stdin(), &mut std::io::sink());
        std::process::exit(0);
    });
}

fn announce(url: &str) {
    use std::io::Write;
    println!("listening {url}");
    let _ = std::io::stdout().flush();
}

/// The fake HubSpot, plus a second listener that answers its request
/// count (`listening <url> stats <url>`), so the bench can show which
/// workloads reached the upstream and which the cache answered.
pub async fn fake_hubspot(latency_ms: u64, token: &str) -> anyhow::Result<()> {
    exit_with_stdin();
    let fake = spawn_hubspot(northwind(), token).await;
    fake.faults.set_latency(Duration::from_millis(latency_ms));
    let stats = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
    announce(&format!(
        "{} stats http://{}/",
        fake.base_url,
        stats.local_addr()?
    ));
    loop {
        let (stream, _) = stats.accept().await?;
        let hits = fake.hits.clone();
        tokio::spawn(async move {
            let count = service_fn(move |request: Request<Incoming>| {
                let total = hits.total();
                async move {
                    let _ = request.into_body().collect().await;
                    Ok::<_, Infallible>(Response::new(Full::new(Bytes::from(total.to_string()))))
                }
            });
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), count)
                .await;
        });
    }
}

async fn answer(request: Request<Incoming>) -> Result<Response<Full<Bytes>>, Infallible> {
    // Read the request body so that keep-alive never depends on draining.
    let _ = request.into_body().collect().await;
    let mut response = Response::new(Full::new(Bytes::from_static(BARE_BODY.as_bytes())));
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    Ok(response)
}

pub async fn bare_server() -> anyhow::Result<()> {
    exit_with_stdin();
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
    announce(&format!("http://{}/", listener.local_addr()?));
    loop {
        let (stream, _) = listener.accept().await?;
        stream.set_nodelay(true)?;
        tokio::spawn(async move {
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service_fn(answer))
                .await;
        });
    }
}
