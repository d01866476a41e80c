/**
 * kvmctl — the kvmkit command line (convert, validate, run, get, describe, console, …) and the
 * composition root that registers the chosen plugins in a tsyringe container.
 * The commands land with the kvmctl issue.
 */
export {};
