/**
 * Saves a file from the page through a temporary `<a download>`. Browser only.
 */

export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  // Firefox only follows a click on a link that is in the document.
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The click resolves the URL before it returns, but revoking in the same task has broken
    // downloads in some browsers; a tick later is safe everywhere.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

export function downloadText(fileName: string, text: string, mime = 'text/plain'): void {
  downloadBlob(fileName, new Blob([text], { type: `${mime};charset=utf-8` }));
}
