/** The boarding passes page's print button: without JavaScript, the browser's own Print does it. */
export const PRINT_SCRIPT = `document.querySelectorAll('[data-print]').forEach(function (button) {
  button.addEventListener('click', function () { window.print(); });
});
`;
