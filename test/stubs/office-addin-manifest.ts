// office-addin-mock needs only the OfficeApp enum of office-addin-manifest, whose ESM dependencies jest does not
// transform; jest.config.js maps the package here for every test.
export const OfficeApp = {
  Excel: "excel",
  OneNote: "onenote",
  Outlook: "outlook",
  PowerPoint: "powerpoint",
  Project: "project",
  Word: "word",
};
