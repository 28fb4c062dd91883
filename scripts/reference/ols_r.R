# Reference OLS outputs from R's lm() for the seed data sets.
#
# Run from the repository root:
#
#     Rscript scripts/reference/ols_r.R
#
# Writes test/fixtures/reference/ols/<case>.r.json for every case below.
# Base R only (JSON is written by hand, numbers with sprintf("%.17g")); reads
# the CSV files in test/fixtures/seeds (and, for a file named "samples/<name>",
# in assets/samples). Nothing here comes from the project's own code. See
# scripts/reference/README.md for the conventions.

script_path <- "scripts/reference/ols_r.R"
seeds <- file.path("test", "fixtures", "seeds")
samples <- file.path("assets", "samples")
out_dir <- file.path("test", "fixtures", "reference", "ols")
if (!file.exists(seeds)) stop("run from the repository root")
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)

campaign_x <- c("Campaign (Email)", "Campaign (Flyer)", "Campaign (Phone)",
                "Sales Contact 1", "Sales Contact 2", "Sales Contact 3",
                "Sales Contact 4", "Sales Contact 5")

mk <- function(case, file, y, x, categorical = character(0), intercept = TRUE,
               filter = NULL, filter_desc = NULL) {
  list(case = case, file = file, y = y, x = x, categorical = categorical,
       intercept = intercept, filter = filter, filter_desc = filter_desc)
}

cases <- list(
  mk("sales_tv_radio", "marketing_sales_data.csv", "Sales", c("TV", "Radio"), "TV"),
  mk("sales342_tv_radio", "marketing_sales_data_342.csv", "Sales", c("TV", "Radio"), "TV"),
  mk("sales_all", "marketing_sales_data.csv", "Sales",
     c("TV", "Radio", "Social Media", "Influencer"), c("TV", "Influencer")),
  mk("campaign", "Campaign-Data.csv", "Amount Collected", campaign_x),
  mk("mix", "marketing_mix.csv", "Sales", c("TikTok", "Facebook", "Google Ads")),
  mk("mix_noint", "marketing_mix.csv", "Sales", c("TikTok", "Facebook", "Google Ads"),
     intercept = FALSE),
  mk("sales_noint_tv", "marketing_sales_data.csv", "Sales", c("TV", "Radio"), "TV",
     intercept = FALSE),
  mk("hss", "Dummy Data HSS.csv", "Sales",
     c("TV", "Radio", "Social Media", "Influencer"), "Influencer"),
  mk("robyn_media", "samples/robyn_dt_simulated_weekly.csv", "revenue",
     c("tv_S", "ooh_S", "print_S", "facebook_S", "search_S")),
  # rank-deficient: Campaign (Phone) is all zero for Small Facility
  mk("campaign_small", "Campaign-Data.csv", "Amount Collected", campaign_x,
     filter = function(d) trimws(d[["Client Type"]]) == "Small Facility",
     filter_desc = "trimws(`Client Type`) == \"Small Facility\"")
)

# ---------------------------------------------------------------- JSON writer
jnum <- function(v) {
  v <- as.numeric(v)
  ifelse(is.finite(v), sprintf("%.17g", v), "null")
}
jstr <- function(s) {
  s <- gsub("\\\\", "\\\\\\\\", s)
  s <- gsub("\"", "\\\\\"", s)
  paste0("\"", s, "\"")
}
jnumarr <- function(v) paste0("[", paste(jnum(v), collapse = ","), "]")
jstrarr <- function(v) paste0("[", paste(vapply(v, jstr, ""), collapse = ","), "]")
jbool <- function(b) if (isTRUE(b)) "true" else "false"
# object from a named list of already-encoded values
jobj <- function(kv, indent = "") {
  inner <- paste0(indent, " ")
  paste0("{\n", paste0(inner, jstr(names(kv)), ": ", unlist(kv), collapse = ",\n"),
         "\n", indent, "}")
}
jrows <- function(rows, indent = " ") {
  if (length(rows) == 0) return("[]")
  items <- vapply(rows, function(kv) {
    paste0("{", paste0(jstr(names(kv)), ": ", unlist(kv), collapse = ", "), "}")
  }, "")
  paste0("[\n", paste0(indent, " ", items, collapse = ",\n"), "\n", indent, "]")
}

# a seed file by its bare name, a sample file of the add-in (assets/samples) as
# "samples/<name>"; returns the path to read and the name written as "file"
source_file <- function(f) {
  if (startsWith(f, "samples/")) {
    list(path = file.path(samples, substring(f, nchar("samples/") + 1)), name = f)
  } else {
    list(path = file.path(seeds, f), name = paste0("seeds/", f))
  }
}

bt <- function(s) paste0("`", s, "`")
unbt <- function(s) gsub("`", "", s)

# ---------------------------------------------------------------- one case
run_case <- function(cs) {
  src <- source_file(cs$file)
  d <- read.csv(src$path, check.names = FALSE,
                stringsAsFactors = FALSE, na.strings = c("", "NA"))
  n_file <- nrow(d)
  if (!is.null(cs$filter)) d <- d[cs$filter(d), , drop = FALSE]
  n_filtered <- nrow(d)
  used <- c(cs$y, cs$x)
  d <- d[, used, drop = FALSE]
  d <- d[complete.cases(d), , drop = FALSE]
  rows_dropped <- n_filtered - nrow(d)
  for (v in cs$categorical) {
    lv <- sort(unique(trimws(d[[v]])), method = "radix")  # C-locale order, as patsy
    d[[v]] <- factor(trimws(d[[v]]), levels = lv)
  }
  for (v in setdiff(used, cs$categorical)) stopifnot(is.numeric(d[[v]]))

  rhs <- paste(bt(cs$x), collapse = " + ")
  if (!cs$intercept) rhs <- paste("0 +", rhs)
  fml <- as.formula(paste(bt(cs$y), "~", rhs))
  fit <- lm(fml, data = d)
  sm <- summary(fit)

  # our coefficient names, from the model matrix's assign attribute
  mm <- model.matrix(fit)
  asg <- attr(mm, "assign")
  labs <- attr(terms(fit), "term.labels")
  ours <- character(ncol(mm))
  for (term_i in unique(asg)) {
    cols <- which(asg == term_i)
    if (term_i == 0) { ours[cols] <- "Intercept"; next }
    v <- unbt(labs[term_i])
    if (v %in% cs$categorical) {
      # treatment coding drops the first level; without an intercept R codes the first
      # factor in full, as patsy does
      lv <- levels(d[[v]])
      if (length(lv) != length(cols)) lv <- lv[-1]
      stopifnot(length(lv) == length(cols),
                colnames(mm)[cols] == paste0(labs[term_i], lv))
      ours[cols] <- paste0(v, "[", lv, "]")
    } else {
      stopifnot(length(cols) == 1)
      ours[cols] <- v
    }
  }
  rnames <- colnames(mm)
  est <- coef(fit)
  stopifnot(identical(names(est), rnames))
  aliased <- ours[is.na(est)]
  ct <- sm$coefficients
  ci <- suppressWarnings(confint(fit))
  coef_rows <- lapply(seq_along(rnames), function(j) {
    rn <- rnames[j]
    has <- rn %in% rownames(ct)
    g <- function(col) if (has) jnum(ct[rn, col]) else "null"
    list(term = jstr(ours[j]), estimate = jnum(est[[rn]]),
         stdError = g(2), t = g(3), p = g(4),
         ciLow = jnum(ci[rn, 1]), ciHigh = jnum(ci[rn, 2]))
  })

  av <- anova(fit)
  av_rows <- lapply(seq_len(nrow(av)), function(i) {
    rn <- rownames(av)[i]
    term <- if (rn == "Residuals") "Residual" else unbt(trimws(rn))
    list(term = jstr(term), df = jnum(av[i, "Df"]), sumSq = jnum(av[i, "Sum Sq"]),
         meanSq = jnum(av[i, "Mean Sq"]), f = jnum(av[i, "F value"]),
         p = jnum(av[i, "Pr(>F)"]))
  })

  fs <- sm$fstatistic
  fstat <- if (is.null(fs)) NA else fs[["value"]]
  fp <- if (is.null(fs)) NA else pf(fs[["value"]], fs[["numdf"]], fs[["dendf"]],
                                    lower.tail = FALSE)
  e <- residuals(fit)
  dw <- sum(diff(e)^2) / sum(e^2)
  ll <- logLik(fit)

  kv <- list(
    provenance = jobj(list(software = jstr(R.version.string),
                           script = jstr(script_path),
                           formula = jstr(deparse1(fml))), " "),
    case = jstr(cs$case),
    file = jstr(src$name),
    filter = if (is.null(cs$filter_desc)) "null" else jstr(cs$filter_desc),
    y = jstr(cs$y),
    x = jstrarr(cs$x),
    categorical = jstrarr(cs$categorical),
    intercept = jbool(cs$intercept),
    nobs = sprintf("%d", nobs(fit)),
    rowsDropped = sprintf("%d", rows_dropped),
    rank = sprintf("%d", fit$rank),
    aliased = jstrarr(aliased),
    dfModel = if (is.null(fs)) "null" else jnum(fs[["numdf"]]),
    dfResidual = jnum(fit$df.residual),
    rSquared = jnum(sm$r.squared),
    adjRSquared = jnum(sm$adj.r.squared),
    fStatistic = jnum(fstat),
    fPValue = jnum(fp),
    residualStdError = jnum(sigma(fit)),
    logLikelihood = jnum(as.numeric(ll)),
    logLikelihoodDf = sprintf("%d", attr(ll, "df")),
    aicR = jnum(AIC(fit)),
    bicR = jnum(BIC(fit)),
    durbinWatson = jnum(dw),
    coefficients = jrows(coef_rows),
    anova = jrows(av_rows),
    leverage = jnumarr(hatvalues(fit)),
    cooksDistance = jnumarr(cooks.distance(fit))
  )
  path <- file.path(out_dir, paste0(cs$case, ".r.json"))
  writeLines(jobj(kv), path, useBytes = TRUE)
  cat(sprintf("%-18s nobs=%5d dropped=%2d R2=%.6f F=%.6g DW=%.6f aliased=[%s] -> %s\n",
              cs$case, nobs(fit), rows_dropped, sm$r.squared, fstat, dw,
              paste(aliased, collapse = ", "), path))
}

args <- commandArgs(trailingOnly = TRUE)
for (cs in cases) if (length(args) == 0 || cs$case %in% args) run_case(cs)
