export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { boot } = await import("./lib/boot");
  try {
    await boot();
  } catch (err) {
    // A server that could not migrate or reach its database must not say "Ready": stop, so the
    // supervisor restarts it once the database is back.
    console.error("\nstart-up failed; stopping.\n", err);
    process.exit(1);
  }
}
