/// The 64-bit FNV-1a hash of `bytes`.
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// How many low bits of a spelling table slot hold an entry's index.
pub(crate) const INDEX_BITS: u32 = 20;

/// The bits of `hash` kept in a spelling table slot above the index: its top
/// bits, which the slot number (taken from the low bits) does not repeat.
pub(crate) fn fingerprint(hash: u64) -> u32 {
    (hash >> (64 - (32 - INDEX_BITS))) as u32
}
