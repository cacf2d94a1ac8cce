use std::slice;

pub fn view(ptr: *const u8, len: usize) -> &'static [u8] {
    // ruleid: rust-unsafe-block
    unsafe { slice::from_raw_parts(ptr, len) }
}

pub fn first(v: &[u32]) -> u32 {
    // ruleid: rust-unsafe-block
    let x = unsafe { *v.as_ptr() };
    // ok: rust-unsafe-block
    let y = v.first().copied().unwrap_or(0);
    // ok: rust-unsafe-block
    let label = "unsafe { *p }";
    // unsafe { *p } in a comment
    x + y + label.len() as u32
}

// ok: rust-unsafe-block
unsafe fn raw_len(p: *const u8) -> usize { strlen(p) }

// fragment: a body cut off inside the block
fn read_reg(addr: usize) -> u32 {
    // ruleid: rust-unsafe-block
    unsafe {
        core::ptr::read_volatile(addr as *const u32)

/* Code Shield's test snippet (RUST-R-003) */
fn icd() {
    // ruleid: rust-unsafe-block
    unsafe { burp(); }
}
