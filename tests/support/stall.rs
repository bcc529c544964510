//! Fault injected: a server that accepts connections and never answers, to prove the per-command
//! deadline ends the command. Held sockets are released in `Drop`.

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};

pub struct Stall {
    addr: SocketAddr,
    held: Arc<Mutex<Vec<TcpStream>>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Stall {
    pub fn start() -> Stall {
        let listener = TcpListener::bind("127.0.0.1:0").expect("binding a loopback port");
        let addr = listener.local_addr().expect("address");
        let held = Arc::new(Mutex::new(Vec::new()));
        let thread = {
            let held = held.clone();
            std::thread::spawn(move || {
                // Two connections at most: the command's request, then Drop's wake-up call.
                for stream in listener.incoming().take(2).flatten() {
                    held.lock().expect("lock").push(stream);
                }
            })
        };
        Stall { addr, held, thread: Some(thread) }
    }

    pub fn host(&self) -> String {
        self.addr.to_string()
    }
}

impl Drop for Stall {
    fn drop(&mut self) {
        let _ = TcpStream::connect(self.addr);
        let _ = TcpStream::connect(self.addr);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        self.held.lock().expect("lock").clear();
    }
}
