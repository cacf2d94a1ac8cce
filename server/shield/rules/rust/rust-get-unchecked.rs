pub fn pick(v: &[u32], idx: usize) -> u32 {
    // ruleid: rust-get-unchecked
    let a = unsafe { *v.get_unchecked(idx) };
    // ruleid: rust-get-unchecked
    let b = unsafe { v.get_unchecked(idx + 1) };
    // ok: rust-get-unchecked
    let c = v.get(idx).copied().unwrap_or(0);
    // ok: rust-get-unchecked
    let d = unsafe { *v.get_unchecked(0) };
    for i in 0..v.len() {
        // ok: rust-get-unchecked
        let _ = unsafe { v.get_unchecked(i) };
    }
    if idx < v.len() {
        // ok: rust-get-unchecked
        return unsafe { *v.get_unchecked(idx) };
    }
    // v.get_unchecked(idx) in a comment
    a + *b + c + d
}

// fragment
    let pos = header.offset as usize;
    // ruleid: rust-get-unchecked
    let byte = unsafe { *data.get_unchecked_mut(pos) };
