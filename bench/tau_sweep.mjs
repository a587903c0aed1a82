// The τ drag of the benchmarks that trace the page: the mouse takes the τ slider from its left
// end to its right end in `moves` steps about a frame (16 ms) apart, as a person drags it.

/**
 * Drags `#tau` across its whole track, scrolled into view first; does not wait for redraws.
 * `atStart` runs once the slider is in view, just before the mouse goes down (a benchmark
 * reads its clock there); its result is returned.
 */
export async function sweepTau(page, moves, atStart = async () => undefined) {
  await page.locator('#tau').scrollIntoViewIfNeeded();
  const box = await page.locator('#tau').boundingBox();
  const y = box.y + box.height / 2;
  const started = await atStart();
  await page.mouse.move(box.x + 8, y);
  await page.mouse.down();
  for (let i = 1; i <= moves; i++) {
    await page.mouse.move(box.x + 8 + (i / moves) * (box.width - 16), y);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  return started;
}
