use std::mem::{self, MaybeUninit};

fn make(n: usize) -> Vec<u8> {
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
    // mem::uninitialized() in a comment
    let _ = (header, x, zeroed, slot.write(1));
    buf
}

// fragment
    let mut out: Vec<u32> = Vec::with_capacity(len);
    // ruleid: rust-uninitialized-memory
    unsafe { out.set_len(len); }
    reader.read_exact(bytemuck::cast_slice_mut(&mut out))?;
