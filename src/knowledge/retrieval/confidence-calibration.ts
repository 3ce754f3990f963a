/** Written by `npm run bench:answers:calibrate` (validation splits only; dataset families: clinc-full, clinc-small, clinc-5shot, banking77-oos, clinc-single-banking, clinc-single-credit-cards); see confidence.ts. */
export const calibration = {
  covered: { bias: -0.1179, weights: [5.7164, 0.5956, 1.4189, -0.996, -1.1736] },
  right: { bias: -1.0079, weights: [11.8598, -0.1763, 1.4497, -0.0307] },
};
