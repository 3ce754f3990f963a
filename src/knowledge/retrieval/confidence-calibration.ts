/** Written by `npm run bench:answers:calibrate` (validation splits only; dataset families: clinc-full, clinc-small, clinc-5shot, banking77-oos, clinc-single-banking, clinc-single-credit-cards, translated-en, translated-vi, translated-cs); see confidence.ts. */
export const calibration = {
  covered: { bias: 0.0114, weights: [7.3538, 0.5787, 1.2458, -1.3747, -1.3965] },
  right: { bias: -0.9537, weights: [13.729, -1.6479, 1.5092, -0.0849] },
};
