use std::mem::{self, MaybeUninit};

fn make(n: usize, file: &std::fs::File, size: u64) -> Vec<u8> {
    // ruleid: rust-uninitialized-memory
    let header: [u8; 16] = unsafe { mem::uninitialized() };
    // ruleid: rust-uninitialized-memory
    let x: u64 = unsafe { MaybeUninit::uninit().assume_init() };
    let mut buf = Vec::with_capacity(n);
    // ruleid: rust-uninitialized-memory
    unsafe { buf.set_len(n) };
    // ok: rust-uninitialized-memory
    let zeroed = vec![0u8; n];
    // ok: rust-uninitialized-memory
    let mut slot = MaybeUninit::<u64>::uninit();
    // ok: rust-uninitialized-memory
    unsafe { buf.set_len(0) };
    // ok: rust-uninitialized-memory
    let mut headers: [MaybeUninit<Header>; 64] = unsafe { MaybeUninit::uninit().assume_init() };
    // ok: rust-uninitialized-memory
    let slots = unsafe { MaybeUninit::<[MaybeUninit<u32>; 8]>::uninit().assume_init() };
    // ok: rust-uninitialized-memory
    file.set_len(size)?;
    // mem::uninitialized() in a comment
    let _ = (header, x, zeroed, slot.write(1));
    buf
}

// fragment
    let mut out: Vec<u32> = Vec::with_capacity(len);
    // ruleid: rust-uninitialized-memory
    unsafe { out.set_len(len); }
    reader.read_exact(bytemuck::cast_slice_mut(&mut out))?;

unsafe fn grow(v: &mut Vec<u8>, n: usize) {
    v.reserve(n);
    // ruleid: rust-uninitialized-memory
    v.set_len(n);
}
