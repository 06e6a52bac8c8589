//! Serving connections with deadlines: a client that sends its request headers too slowly (or
//! keeps an idle connection open) is cut after [`HEADER_TIMEOUT`]; a request body is read within
//! [`BODY_TIMEOUT`] (see `read_body_first`). Slow clients cannot hold connections forever.
//! Graceful: on SIGTERM the server stops accepting and finishes the requests in flight.
use axum::{extract::ConnectInfo, Router};
use hyper_util::{
    rt::{TokioExecutor, TokioIo, TokioTimer},
    server::{conn::auto, graceful::GracefulShutdown},
    service::TowerToHyperService,
};
use std::{future::Future, net::SocketAddr, time::Duration};
use tower::ServiceExt;

/// Longest wait for a request's headers, counted from when the connection is ready for one (an
/// idle keep-alive connection included).
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(20);
/// Longest wait for a request's whole body.
pub const BODY_TIMEOUT: Duration = Duration::from_secs(30);
/// Longest wait for the requests in flight at shutdown.
const DRAIN: Duration = Duration::from_secs(20);
/// After SIGTERM, connections already open are still served this long, every answer saying
/// `Connection: close`: a client never has its next request cut on a connection closing under it.
const CLOSE_GRACE: Duration = Duration::from_millis(1500);

/// Accepts connections on `listener` until `shutdown` resolves, then drains them. Request
/// headers (and idle keep-alive connections) wait at most `header_timeout`.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    shutdown: impl Future<Output = ()>,
    header_timeout: Duration,
) -> std::io::Result<()> {
    let graceful = GracefulShutdown::new();
    let closing = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    // HTTP/1.1 only (a reverse proxy speaks it to us): the automatic version detection would wait
    // for a silent client's first bytes with no deadline at all.
    let mut builder = auto::Builder::new(TokioExecutor::new()).http1_only();
    builder.http1().timer(TokioTimer::new()).header_read_timeout(header_timeout).keep_alive(true);
    tokio::pin!(shutdown);
    // Set when the signal comes: until then, connections are accepted and served (every answer
    // saying `Connection: close`), so that no client is cut; then the listener closes.
    let mut closing_until: Option<tokio::time::Instant> = None;
    loop {
        let stop_at = async {
            match closing_until {
                Some(t) => tokio::time::sleep_until(t).await,
                None => std::future::pending().await,
            }
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                // Out of file descriptors and the like: wait, do not spin.
                Err(e) => {
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            _ = &mut shutdown, if closing_until.is_none() => {
                closing.store(true, std::sync::atomic::Ordering::Relaxed);
                closing_until = Some(tokio::time::Instant::now() + CLOSE_GRACE);
                continue;
            }
            _ = stop_at => {
                // No new handshake completes from here; those already waiting in the socket's
                // queue are accepted and answered (closing the socket would reset them).
                stop_new_connections(&listener);
                while let Ok(Ok((stream, peer))) =
                    tokio::time::timeout(Duration::from_millis(20), listener.accept()).await
                {
                    spawn_connection(&builder, &graceful, &app, &closing, stream, peer);
                }
                break;
            }
        };
        spawn_connection(&builder, &graceful, &app, &closing, stream, peer);
    }
    // New connections are refused from now on; the open ones finish what they are answering.
    drop(listener);
    if tokio::time::timeout(DRAIN, graceful.shutdown()).await.is_err() {
        tracing::warn!("some connections were still open after the drain");
    }
    Ok(())
}

/// Drops every packet sent to the listening socket (a classic BPF filter returning 0): a
/// client's handshake is left unanswered, then refused when the socket closes, instead of being
/// completed by the kernel and reset unanswered.
fn stop_new_connections(listener: &tokio::net::TcpListener) {
    #[cfg(target_os = "linux")]
    {
        const BPF_RET_K: u16 = 0x06; // BPF_RET | BPF_K
        let drop_all = [socket2::SockFilter::new(BPF_RET_K, 0, 0, 0)];
        if let Err(e) = socket2::SockRef::from(listener).attach_filter(&drop_all) {
            tracing::warn!(error = %e, "new connections not held back during the shutdown");
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = listener;
}

/// Serves one accepted connection under the graceful-shutdown watch.
fn spawn_connection(
    builder: &auto::Builder<TokioExecutor>,
    graceful: &GracefulShutdown,
    app: &Router,
    closing: &std::sync::Arc<std::sync::atomic::AtomicBool>,
    stream: tokio::net::TcpStream,
    peer: SocketAddr,
) {
    // Without it every streamed response stalls ~40 ms on keep-alive connections (Nagle).
    let _ = stream.set_nodelay(true);
    let closing = closing.clone();
    let service = app
        .clone()
        .map_request(move |req: http::Request<hyper::body::Incoming>| {
            let mut req = req.map(axum::body::Body::new);
            req.extensions_mut().insert(ConnectInfo::<SocketAddr>(peer));
            req
        })
        .map_response(move |mut res: axum::response::Response| {
            if closing.load(std::sync::atomic::Ordering::Relaxed) {
                res.headers_mut().insert(http::header::CONNECTION, http::HeaderValue::from_static("close"));
            }
            res
        });
    // Not `serve_connection_with_upgrades`: it sniffs the version whatever the builder says
    // (nothing here upgrades a connection).
    let conn = builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
    let conn = graceful.watch(conn.into_owned());
    tokio::spawn(async move {
        // A cut or timed-out connection is the client's business: nothing to log.
        let _ = conn.await;
    });
}
