/** Sample data sets served with the preview (assets/samples, with their licences in its README). */
export const SAMPLES = [
  { file: "robyn_dt_simulated_weekly.csv", title: "Robyn simulated weekly (MIT)" },
  { file: "pymc_marketing_mmm_example.csv", title: "PyMC-Marketing MMM example (Apache-2.0)" },
] as const;
