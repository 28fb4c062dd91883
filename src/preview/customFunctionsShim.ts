/**
 * Defines `CustomFunctions` before the worksheet functions' module loads: the build appends
 * `CustomFunctions.associate(...)` calls to that module, and outside Excel office.js does not
 * provide the namespace. Imported first, for its side effect.
 */
import { installCustomFunctionsShim } from "../functions/excelError";

installCustomFunctionsShim();
