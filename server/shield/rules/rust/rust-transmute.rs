use std::mem;

fn convert(bits: u32, p: *const u8, v: Vec<u8>) -> f32 {
    // ruleid: rust-transmute
    let f: f32 = unsafe { mem::transmute(bits) };
    // ruleid: rust-transmute
    let r: &'static u8 = unsafe { std::mem::transmute::<*const u8, &u8>(p) };
    // ok: rust-transmute
    let g = f32::from_bits(bits);
    // ok: rust-transmute
    let b = bits.to_ne_bytes();
    // mem::transmute(bits) in a comment
    let s = "transmute";
    f + g + *r as f32 + b[0] as f32 + s.len() as f32
}

// fragment
    let handler: extern "C" fn() = unsafe {
        // ruleid: rust-transmute
        transmute(sym_ptr)

fn safe_bytes(x: u32) -> [u8; 4] {
    // ok: rust-transmute
    x.to_le_bytes()
}
