//! `switchboard-mcp-fixture --stdio` | `--http ADDR`: the MCP fixture
//! upstream as a process (stdio federation tests, `cargo xtask
//! conformance`). With `--http` it prints `LISTENING=http://…/mcp` once
//! bound.

use std::net::SocketAddr;

fn usage() -> ! {
    eprintln!("usage: switchboard-mcp-fixture --stdio | --http ADDR");
    std::process::exit(2)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a Tokio runtime");
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["--stdio"] => runtime.block_on(switchboard_testkit::mcp_fixture::serve_stdio()),
        ["--http", addr] => {
            let addr: SocketAddr = addr.parse().unwrap_or_else(|_| usage());
            runtime.block_on(switchboard_testkit::mcp_fixture::serve_http(addr))
        }
        _ => usage(),
    };
    if let Err(e) = result {
        eprintln!("switchboard-mcp-fixture: {e}");
        std::process::exit(1);
    }
}
