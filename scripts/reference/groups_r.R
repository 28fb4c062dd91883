# Reference one-way group comparisons from R for the seed data and R datasets.
#
# Run from the repository root:
#
#     Rscript scripts/reference/groups_r.R            # all cases
#     Rscript scripts/reference/groups_r.R chickwts   # only the named cases
#
# Writes test/fixtures/reference/groups/<case>.r.json for every case below and,
# for the cases built on an R dataset, the data itself as
# test/fixtures/reference/groups/<case>.csv (the numbers are computed from that
# CSV as read back, so the tests and R use the same values).
# Base R only (JSON is written by hand, numbers with sprintf("%.17g"), non-finite
# as null). Nothing here comes from the project's own code. See
# scripts/reference/README.md for the conventions.

script_path <- "scripts/reference/groups_r.R"
seeds <- file.path("test", "fixtures", "seeds")
out_dir <- file.path("test", "fixtures", "reference", "groups")
if (!file.exists(seeds)) stop("run from the repository root")
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)
invisible(Sys.setlocale("LC_COLLATE", "C"))  # sort() of group labels in byte order

alpha <- 0.05
# alpha written in its short form (0.05, not 0.050000000000000003); the same double
alpha_json <- sprintf("%.15g", alpha)
stopifnot(as.numeric(alpha_json) == alpha)

# data: a seed file name (in test/fixtures/seeds) or, with dataset = TRUE, the name
# of an R dataset; group_fun maps the raw group column to its labels
mk <- function(case, data, value, group, dataset = FALSE, group_fun = NULL,
               group_desc = NULL, numeric_levels = FALSE) {
  list(case = case, data = data, value = value, group = group, dataset = dataset,
       group_fun = group_fun, group_desc = group_desc, numeric_levels = numeric_levels)
}

cases <- list(
  mk("sales_by_tv", "marketing_sales_data.csv", "Sales", "TV"),
  mk("sales_by_influencer", "marketing_sales_data.csv", "Sales", "Influencer"),
  mk("amount_by_client_type", "Campaign-Data.csv", "Amount Collected", "Client Type",
     group_fun = trimws, group_desc = "trimws(`Client Type`)"),
  mk("chickwts", "chickwts", "weight", "feed", dataset = TRUE),
  mk("warpbreaks_tension", "warpbreaks", "breaks", "tension", dataset = TRUE),
  mk("insectsprays", "InsectSprays", "count", "spray", dataset = TRUE),
  # months 5..9: numeric order (the same as byte order for one-digit labels)
  mk("airquality_ozone", "airquality", "Ozone", "Month", dataset = TRUE,
     numeric_levels = TRUE)
)

# ---------------------------------------------------------------- JSON writer
jnum <- function(v) {
  v <- as.numeric(v)
  ifelse(is.finite(v), sprintf("%.17g", v), "null")
}
jint <- function(v) sprintf("%d", as.integer(v))
jstr <- function(s) {
  s <- gsub("\\\\", "\\\\\\\\", s)
  s <- gsub("\"", "\\\\\"", s)
  paste0("\"", s, "\"")
}
# object from a named list of already-encoded values
jobj <- function(kv, indent = "") {
  inner <- paste0(indent, " ")
  paste0("{\n", paste0(inner, jstr(names(kv)), ": ", unlist(kv), collapse = ",\n"),
         "\n", indent, "}")
}
# object on one line
jline <- function(kv) paste0("{", paste0(jstr(names(kv)), ": ", unlist(kv), collapse = ", "), "}")
jrows <- function(rows, indent = " ") {
  if (length(rows) == 0) return("[]")
  items <- vapply(rows, jline, "")
  paste0("[\n", paste0(indent, " ", items, collapse = ",\n"), "\n", indent, "]")
}

bt <- function(s) paste0("`", s, "`")
close_enough <- function(a, b, tol = 1e-10) isTRUE(all.equal(a, b, tolerance = tol))

# ---------------------------------------------------------------- data
# An R dataset's two columns are written as CSV (header: value,group; NA as an
# empty cell; numbers with %.17g) and read back; returns the path.
write_dataset_csv <- function(cs) {
  ds <- get(cs$data, envir = as.environment("package:datasets"))
  v <- as.numeric(ds[[cs$value]])
  g <- as.character(ds[[cs$group]])
  stopifnot(!grepl("[,\"\r\n]", c(cs$value, cs$group, g[!is.na(g)])))
  cell_v <- ifelse(is.na(v), "", sprintf("%.17g", v))
  cell_g <- ifelse(is.na(g), "", g)
  path <- file.path(out_dir, paste0(cs$case, ".csv"))
  con <- file(path, open = "wb")  # LF line endings on every platform
  writeLines(c(paste(cs$value, cs$group, sep = ","), paste(cell_v, cell_g, sep = ",")),
             con, sep = "\n", useBytes = TRUE)
  close(con)
  # the round trip must give the dataset's values exactly
  back <- read.csv(path, check.names = FALSE, stringsAsFactors = FALSE,
                   na.strings = c("", "NA"), colClasses = c("numeric", "character"))
  stopifnot(identical(names(back), c(cs$value, cs$group)),
            identical(back[[1]], v), identical(back[[2]], g))
  path
}

load_case <- function(cs) {
  path <- if (cs$dataset) write_dataset_csv(cs) else file.path(seeds, cs$data)
  d <- read.csv(path, check.names = FALSE, stringsAsFactors = FALSE,
                na.strings = c("", "NA"))
  stopifnot(cs$value %in% names(d), cs$group %in% names(d))
  y <- d[[cs$value]]
  stopifnot(is.numeric(y))
  y <- as.numeric(y)
  g <- as.character(d[[cs$group]])
  if (!is.null(cs$group_fun)) g <- cs$group_fun(g)
  g[!is.na(g) & g == ""] <- NA
  keep <- !is.na(y) & !is.na(g)
  list(path = path, n_file = nrow(d), y = y[keep], g = g[keep])
}

# ---------------------------------------------------------------- statistics
anova_f <- function(y, g) {
  av <- anova(lm(y ~ g))
  stopifnot(identical(rownames(av), c("g", "Residuals")))
  f <- av[1, "F value"]
  df1 <- av[1, "Df"]
  df2 <- av[2, "Df"]
  list(dfBetween = df1, dfWithin = df2,
       ssBetween = av[1, "Sum Sq"], ssWithin = av[2, "Sum Sq"],
       msBetween = av[1, "Mean Sq"], msWithin = av[2, "Mean Sq"],
       f = f, p = pf(f, df1, df2, lower.tail = FALSE))
}

ftest <- function(a) list(f = a$f, df1 = a$dfBetween, df2 = a$dfWithin, p = a$p)

run_case <- function(cs) {
  dat <- load_case(cs)
  y <- dat$y
  lv <- sort(unique(dat$g))
  if (cs$numeric_levels) lv <- lv[order(as.numeric(lv))]
  g <- factor(dat$g, levels = lv)
  k <- length(lv)
  stopifnot(k >= 2)
  n_used <- length(y)
  n_dropped <- dat$n_file - n_used

  n <- as.vector(table(g))
  m <- as.vector(tapply(y, g, mean))
  v <- as.vector(tapply(y, g, var))        # n - 1 denominator; NA when n == 1
  s <- ifelse(n > 1, sqrt(v), NA)
  group_rows <- lapply(seq_len(k), function(i) {
    list(name = jstr(lv[i]), n = jint(n[i]), mean = jnum(m[i]), sd = jnum(s[i]))
  })

  # one-way ANOVA
  a <- anova_f(y, g)
  fit_aov <- aov(y ~ g)
  sa <- summary(fit_aov)[[1]]
  stopifnot(close_enough(sa[1, "F value"], a$f), close_enough(sa[2, "Sum Sq"], a$ssWithin))

  # Welch
  w <- oneway.test(y ~ g, var.equal = FALSE)
  welch <- list(f = unname(w$statistic), df1 = unname(w$parameter[1]),
                df2 = unname(w$parameter[2]), p = w$p.value)
  # Welch by hand, as a check of the call
  wi <- n / v
  mw <- sum(wi * m) / sum(wi)
  tmp <- sum((1 - wi / sum(wi))^2 / (n - 1)) / (k^2 - 1)
  stopifnot(close_enough(sum(wi * (m - mw)^2) / ((k - 1) * (1 + 2 * (k - 2) * tmp)),
                         welch$f),
            close_enough(1 / (3 * tmp), welch$df2))

  # Levene (absolute deviations from the group mean) and Brown-Forsythe (from the
  # group median, car::leveneTest's default)
  levene <- ftest(anova_f(abs(y - ave(y, g, FUN = mean)), g))
  bf <- ftest(anova_f(abs(y - ave(y, g, FUN = median)), g))

  # Tukey HSD; R's row "B-A" is mean(B) - mean(A), A before B in level order
  tk <- TukeyHSD(fit_aov, "g", conf.level = 1 - alpha)$g
  pairs <- do.call(rbind, lapply(seq_len(k - 1), function(i) cbind(i, (i + 1):k)))
  stopifnot(identical(rownames(tk), paste(lv[pairs[, 2]], lv[pairs[, 1]], sep = "-")))
  tukey_rows <- lapply(seq_len(nrow(pairs)), function(r) {
    i <- pairs[r, 1]; j <- pairs[r, 2]
    # check the mapping against the formula
    se <- sqrt(a$msWithin / 2 * (1 / n[i] + 1 / n[j]))
    half <- qtukey(1 - alpha, k, a$dfWithin) * se
    d <- m[j] - m[i]
    stopifnot(close_enough(tk[r, "diff"], d), close_enough(tk[r, "lwr"], d - half),
              close_enough(tk[r, "upr"], d + half),
              close_enough(tk[r, "p adj"],
                           ptukey(abs(d) / se, k, a$dfWithin, lower.tail = FALSE),
                           1e-8))
    list(group1 = jstr(lv[i]), group2 = jstr(lv[j]), meanDiff = jnum(tk[r, "diff"]),
         ciLow = jnum(tk[r, "lwr"]), ciHigh = jnum(tk[r, "upr"]),
         pAdj = jnum(tk[r, "p adj"]))
  })

  # Games-Howell
  gh <- "null"
  if (all(n >= 2)) {
    gh_rows <- lapply(seq_len(nrow(pairs)), function(r) {
      i <- pairs[r, 1]; j <- pairs[r, 2]
      ai <- v[i] / n[i]; bj <- v[j] / n[j]
      se <- sqrt((ai + bj) / 2)
      df <- (ai + bj)^2 / (ai^2 / (n[i] - 1) + bj^2 / (n[j] - 1))
      d <- m[j] - m[i]
      p <- ptukey(abs(d) / se, k, df, lower.tail = FALSE)
      half <- qtukey(1 - alpha, k, df) * se
      list(group1 = jstr(lv[i]), group2 = jstr(lv[j]), meanDiff = jnum(d),
           ciLow = jnum(d - half), ciHigh = jnum(d + half), pAdj = jnum(p),
           df = jnum(df), se = jnum(se))
    })
    gh <- jobj(list(alpha = alpha_json, comparisons = jrows(gh_rows, "  ")), " ")
  }

  fstats <- function(x) jobj(lapply(x, jnum), " ")
  formula_txt <- paste(bt(cs$value), "~",
                       if (is.null(cs$group_desc)) bt(cs$group) else cs$group_desc)
  kv <- list(
    provenance = jobj(list(software = jstr(R.version.string), script = jstr(script_path),
                           formula = jstr(formula_txt)), " "),
    case = jstr(cs$case),
    source = jstr(cs$data),
    dataFile = jstr(dat$path),
    value = jstr(cs$value),
    group = jstr(cs$group),
    rowsUsed = jint(n_used),
    rowsDropped = jint(n_dropped),
    groups = jrows(group_rows),
    anova = fstats(a),
    welch = fstats(welch),
    levene = fstats(levene),
    brownForsythe = fstats(bf),
    tukey = jobj(list(alpha = alpha_json, comparisons = jrows(tukey_rows, "  ")), " "),
    gamesHowell = gh
  )
  path <- file.path(out_dir, paste0(cs$case, ".r.json"))
  con <- file(path, open = "wb")
  writeLines(jobj(kv), con, sep = "\n", useBytes = TRUE)
  close(con)
  cat(sprintf(paste0("%-22s n=%4d dropped=%2d k=%d sizes=[%s] F(%d,%d)=%.6g p=%.4g",
                     " Welch F=%.6g p=%.4g Levene p=%.4g BF p=%.4g -> %s\n"),
              cs$case, n_used, n_dropped, k, paste(n, collapse = ","),
              as.integer(a$dfBetween), as.integer(a$dfWithin), a$f, a$p,
              welch$f, welch$p, levene$p, bf$p, path))
}

args <- commandArgs(trailingOnly = TRUE)
unknown <- setdiff(args, vapply(cases, function(cs) cs$case, ""))
if (length(unknown) > 0) stop("unknown case(s): ", paste(unknown, collapse = ", "))
for (cs in cases) if (length(args) == 0 || cs$case %in% args) run_case(cs)
