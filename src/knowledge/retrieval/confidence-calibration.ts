/** Written by `npm run bench:answers:calibrate` (validation splits only; dataset families: clinc-full, clinc-small, clinc-5shot, banking77-oos, clinc-single-banking, clinc-single-credit-cards); see confidence.ts. */
export const calibration = {
  covered: { bias: 0.0283, weights: [1.3394, 2.9753, 3.0799, -1.0636, -1.18] },
  right: { bias: -0.9811, weights: [11.9139, 0.2027, 1.2773, -0.0152] },
};
