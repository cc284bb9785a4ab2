use clap::Parser;

/// mimalloc rather than the system's allocator: a request allocates and frees dozens of small
/// buffers, and glibc's malloc was a sixth of the user's list's time (measured with `perf`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    bound_c_heap();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("starting the async runtime");
    runtime.block_on(run())
}

/// SQLite allocates from the C library's heap, not from the allocator above. glibc gives each
/// thread that allocates while another does an arena of its own and keeps what is freed there,
/// and after a large block is freed it raises the size from which blocks are mapped (and so
/// given back) rather than kept. So the buffers of a search for a common word, megabytes each,
/// stayed resident on the thread of every connection that ever ran one. Measured at a million
/// tickets, after four agents searched for common words at once and then agents replied: a
/// peak of 137 MB without these settings, 114 MB with the fixed threshold alone, 92 to 98 MB
/// with both; the same throughput for searches and replies (see BENCHMARKS.md).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
fn bound_c_heap() {
    // SAFETY: `mallopt` only sets the heap's parameters, and runs before any other thread.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}

async fn run() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("PORTHOLE_LOG")
                .unwrap_or_else(|_| "porthole=info,tower_http=info".into()),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    let cli = porthole::cli::Cli::parse();
    match porthole::cli::run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
