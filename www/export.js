// PNG export: each figure's button downloads its canvas, at the canvas's pixel size, drawn
// first if it was out of date (a view out of sight is not drawn until it is needed). A view
// only the full module draws is exported once it has loaded.
import { drawCurrent, handleDraws, whenFull } from './scheduler.js';

export function wireExport() {
  for (const b of document.querySelectorAll('button.export')) {
    b.addEventListener('click', () => {
      const view = b.dataset.view;
      if (handleDraws(view)) exportPng(view);
      else whenFull(() => exportPng(view));
    });
  }
}

function exportPng(view) {
  // Nothing to export when the full module could not be loaded.
  if (!handleDraws(view)) return;
  drawCurrent(view);
  const canvas = document.getElementById('view-' + view);
  canvas.toBlob((blob) => {
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'gumbel-softmax-' + view + '.png';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }, 'image/png');
}
