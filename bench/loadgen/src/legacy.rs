//! W4: a pre-2026-07-28 client's whole session: initialize,
//! notifications/initialized, tools/list, DELETE, each carrying the
//! `Mcp-Session-Id` the server gave.

use bytes::Bytes;
use http::{HeaderValue, Method, Request};
use http_body_util::Full;

use crate::conn::Conn;
use crate::reply::{check_rpc, send};
use crate::workload::Target;

const LEGACY_VERSION: &str = "2025-11-25";

impl Target {
    /// W4: one whole legacy session.
    pub(crate) async fn session(&self, conn: &mut Conn, i: u64) -> Result<(), String> {
        let session = self.open_session(conn, i).await?;
        let list = r#"{"jsonrpc":"2.0","id":2,"method":"tools/list","params":{}}"#;
        let reply = send(conn, self.in_session(i, &session, Method::POST, list)).await?;
        check_rpc(&reply.body)?;
        self.close_session(conn, i, &session).await
    }

    /// initialize + notifications/initialized; returns the session id.
    pub async fn open_session(&self, conn: &mut Conn, i: u64) -> Result<HeaderValue, String> {
        let init = format!(
            r#"{{"jsonrpc":"2.0","id":1,"method":"initialize","params":{{"protocolVersion":"{LEGACY_VERSION}","capabilities":{{}},"clientInfo":{{"name":"loadgen","version":"1"}}}}}}"#
        );
        let body = Bytes::from(init);
        let request = self
            .post(self.key(i))
            .body(Full::new(body))
            .expect("a valid request");
        let reply = send(conn, request).await?;
        check_rpc(&reply.body)?;
        let session = reply
            .headers
            .get("mcp-session-id")
            .cloned()
            .ok_or("initialize answered without Mcp-Session-Id")?;
        let note = r#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#;
        send(conn, self.in_session(i, &session, Method::POST, note)).await?;
        Ok(session)
    }

    pub async fn close_session(
        &self,
        conn: &mut Conn,
        i: u64,
        session: &HeaderValue,
    ) -> Result<(), String> {
        send(conn, self.in_session(i, session, Method::DELETE, "")).await?;
        Ok(())
    }

    fn in_session(
        &self,
        i: u64,
        session: &HeaderValue,
        method: Method,
        body: &'static str,
    ) -> Request<Full<Bytes>> {
        let body = Bytes::from_static(body.as_bytes());
        self.post(self.key(i))
            .method(method)
            .header("mcp-session-id", session)
            .header("mcp-protocol-version", LEGACY_VERSION)
            .body(Full::new(body))
            .expect("a valid request")
    }
}
