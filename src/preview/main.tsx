/** Entry of the browser preview page (index.html). */
import { createRoot } from "react-dom/client";
import "react-data-grid/lib/styles.css";
import "./ui/preview.css";
import { PreviewApp } from "./ui/PreviewApp";

const root = document.getElementById("root");
if (root !== null) createRoot(root).render(<PreviewApp />);
