//! The listener Porthole serves on. It differs from a plain `TcpListener` in one way: hyper
//! answers requests it cannot parse (a URL over 64 KB, headers past its buffer, a garbled
//! request line) itself, with an empty body, before any of our code runs. Those answers are
//! rewritten on their way out into the documented JSON error shape, so a client sees the same
//! format for every error.

use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

use axum::extract::connect_info::Connected;
use axum::serve::IncomingStream;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};

use crate::http::error::ApiError;

pub struct Listener(pub TcpListener);

impl axum::serve::Listener for Listener {
    type Io = JsonParseErrors<TcpStream>;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        let (io, addr) = axum::serve::Listener::accept(&mut self.0).await;
        (JsonParseErrors::new(io), addr)
    }

    fn local_addr(&self) -> io::Result<SocketAddr> {
        self.0.local_addr()
    }
}

/// The client's address, as handlers receive it through `ConnectInfo`.
#[derive(Debug, Clone, Copy)]
pub struct Peer(pub SocketAddr);

impl Connected<IncomingStream<'_, Listener>> for Peer {
    fn connect_info(stream: IncomingStream<'_, Listener>) -> Self {
        Peer(*stream.remote_addr())
    }
}

/// A connection whose bodiless parse-error answers from hyper are replaced on the way out.
pub struct JsonParseErrors<T> {
    inner: T,
    /// A replacement still being written, and how much of it is out.
    pending: Vec<u8>,
    sent: usize,
}

impl<T> JsonParseErrors<T> {
    pub fn new(inner: T) -> Self {
        Self {
            inner,
            pending: Vec::new(),
            sent: 0,
        }
    }
}

/// Our answer in place of `head`, if `head` is one of hyper's automatic answers: a whole
/// response head with status 400, 414 or 431 and no body. Porthole's own errors always carry a
/// JSON body, so nothing of ours matches.
fn replacement(head: &[u8]) -> Option<Vec<u8>> {
    // Every response passes here: look at the bytes before reading the text.
    if !head.starts_with(b"HTTP/1.1 4") || !head.ends_with(b"\r\n\r\n") {
        return None;
    }
    let text = std::str::from_utf8(head).ok()?;
    let status = text.strip_prefix("HTTP/1.1 ")?.get(..3)?;
    if !text.ends_with("\r\n\r\n") || !text.contains("\r\ncontent-length: 0\r\n") {
        return None;
    }
    let (error, reason) = match status {
        "400" => (ApiError::MalformedRequest, "Bad Request"),
        "414" => (ApiError::UriTooLong, "URI Too Long"),
        "431" => (ApiError::HeadersTooLarge, "Request Header Fields Too Large"),
        _ => return None,
    };
    let body = serde_json::to_string(&porthole_types::ErrorBody {
        error: error.detail(),
    })
    .ok()?;
    Some(
        format!(
            "HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\n\
             content-length: {}\r\ncache-control: no-store\r\nx-content-type-options: nosniff\r\n\
             connection: close\r\n\r\n{body}",
            body.len()
        )
        .into_bytes(),
    )
}

impl<T: AsyncWrite + Unpin> JsonParseErrors<T> {
    /// Writes out what is left of a replacement.
    fn drain(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        while self.sent < self.pending.len() {
            let n = ready!(Pin::new(&mut self.inner).poll_write(cx, &self.pending[self.sent..]))?;
            if n == 0 {
                return Poll::Ready(Err(io::ErrorKind::WriteZero.into()));
            }
            self.sent += n;
        }
        Poll::Ready(Ok(()))
    }
}

impl<T: AsyncRead + Unpin> AsyncRead for JsonParseErrors<T> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for JsonParseErrors<T> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        self.poll_write_vectored(cx, &[io::IoSlice::new(buf)])
    }

    /// Vectored, as the socket is, so hyper writes a head and its body in one call without
    /// first copying them together. A head with no body comes as the only buffer.
    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = &mut *self;
        ready!(this.drain(cx))?;
        let mut written = bufs.iter().filter(|b| !b.is_empty());
        if let (Some(head), None) = (written.next(), written.next()) {
            if let Some(ours) = replacement(head) {
                this.pending = ours;
                this.sent = 0;
                // Taken in full; what the socket does not take now goes out on the next write
                // or flush, which hyper always makes.
                if let Poll::Ready(Err(err)) = this.drain(cx) {
                    return Poll::Ready(Err(err));
                }
                return Poll::Ready(Ok(head.len()));
            }
        }
        Pin::new(&mut this.inner).poll_write_vectored(cx, bufs)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        ready!(self.drain(cx))?;
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        ready!(self.drain(cx))?;
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }
}

#[cfg(test)]
mod tests {
    use super::replacement;

    #[test]
    fn hypers_empty_answers_become_json_and_nothing_else_is_touched() {
        let head = b"HTTP/1.1 414 URI Too Long\r\ncontent-length: 0\r\ndate: x\r\n\r\n";
        let ours = String::from_utf8(replacement(head).unwrap()).unwrap();
        assert!(ours.starts_with("HTTP/1.1 414 URI Too Long\r\n"));
        assert!(ours.contains("content-type: application/json"));
        assert!(ours.ends_with(r#""code":"uri_too_long","message":"the URL is too long"}}"#));
        for untouched in [
            &b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n"[..],
            b"HTTP/1.1 414 URI Too Long\r\ncontent-length: 20\r\n\r\n",
            b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n{\"partial",
            b"{\"error\":\"HTTP/1.1 431 \"}",
        ] {
            assert!(replacement(untouched).is_none());
        }
    }
}
