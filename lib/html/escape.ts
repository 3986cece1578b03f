/**
 * Text or an attribute value made safe to write into HTML the site assembles as a string (the payment form's
 * document, the request guard's refusal page, the bench's read-through page). React escapes everything else.
 */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!,
  );
}
