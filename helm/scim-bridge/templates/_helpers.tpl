{{/* Chart name, truncated to the 63 characters a label value allows. */}}
{{- define "scim-bridge.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Resource name prefix: <release>-<chart>, or the release name alone when it already holds the chart name. */}}
{{- define "scim-bridge.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "scim-bridge.redis.fullname" -}}
{{- printf "%s-redis" (include "scim-bridge.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels on every object. Selectors use only the selectorLabels subset, which never changes on upgrade. */}}
{{- define "scim-bridge.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/name: {{ include "scim-bridge.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: scim-bridge
{{- end -}}

{{- define "scim-bridge.selectorLabels" -}}
app.kubernetes.io/name: {{ include "scim-bridge.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: bridge
{{- end -}}

{{- define "scim-bridge.redis.selectorLabels" -}}
app.kubernetes.io/name: {{ include "scim-bridge.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: redis
{{- end -}}

{{/* repository:tag, or repository@digest when a digest is given. Call with (dict "image" .Values.x.image "default" tag). */}}
{{- define "scim-bridge.image" -}}
{{- $tag := .image.tag | default .default -}}
{{- if .image.digest -}}
{{- printf "%s@%s" .image.repository .image.digest -}}
{{- else -}}
{{- printf "%s:%s" .image.repository $tag -}}
{{- end -}}
{{- end -}}

{{- define "scim-bridge.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "scim-bridge.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/*
Secrets as references (bitnami redis.secretName style): a chart-made Secret when a value is given,
else the existing Secret.
*/}}
{{- define "scim-bridge.session.secretName" -}}
{{- if .Values.session.value -}}
{{- printf "%s-session" (include "scim-bridge.fullname" .) -}}
{{- else -}}
{{- .Values.session.existingSecret -}}
{{- end -}}
{{- end -}}

{{- define "scim-bridge.session.secretKey" -}}
{{- if .Values.session.value -}}scimsession{{- else -}}{{- .Values.session.existingSecretKey -}}{{- end -}}
{{- end -}}

{{/* The file SCIM_SESSION names: the Secret key is projected to this fixed file name. */}}
{{- define "scim-bridge.session.file" -}}
{{- printf "%s/scimsession" (trimSuffix "/" .Values.session.mountPath) -}}
{{- end -}}

{{- define "scim-bridge.token.secretName" -}}
{{- if .Values.token.value -}}
{{- printf "%s-token" (include "scim-bridge.fullname" .) -}}
{{- else -}}
{{- .Values.token.existingSecret -}}
{{- end -}}
{{- end -}}

{{- define "scim-bridge.token.secretKey" -}}
{{- if .Values.token.value -}}bearer-token{{- else -}}{{- .Values.token.existingSecretKey -}}{{- end -}}
{{- end -}}

{{- define "scim-bridge.token.file" -}}
{{- printf "%s/bearer-token" (trimSuffix "/" .Values.token.mountPath) -}}
{{- end -}}

{{/*
Redis password Secret: bundled or external; a chart-made Secret when a password value is given, else the
existing Secret; empty when Redis runs without a password.
*/}}
{{- define "scim-bridge.redis.passwordSecretName" -}}
{{- if .Values.redis.enabled -}}
{{- if .Values.redis.auth.enabled -}}
{{- if .Values.redis.auth.password -}}
{{- include "scim-bridge.redis.fullname" . -}}
{{- else -}}
{{- .Values.redis.auth.existingSecret -}}
{{- end -}}
{{- end -}}
{{- else if .Values.externalRedis.password -}}
{{- printf "%s-external-redis" (include "scim-bridge.fullname" .) -}}
{{- else -}}
{{- .Values.externalRedis.existingSecret -}}
{{- end -}}
{{- end -}}

{{- define "scim-bridge.redis.passwordSecretKey" -}}
{{- if .Values.redis.enabled -}}
{{- .Values.redis.auth.existingSecretPasswordKey -}}
{{- else -}}
{{- .Values.externalRedis.existingSecretPasswordKey -}}
{{- end -}}
{{- end -}}

{{- define "scim-bridge.redis.url" -}}
{{- if .Values.redis.enabled -}}
{{- printf "redis://%s:6379" (include "scim-bridge.redis.fullname" .) -}}
{{- else -}}
{{- .Values.externalRedis.url -}}
{{- end -}}
{{- end -}}

{{/* Memory quantity (Ki, Mi, Gi, K, M, G or bytes) to whole MiB. */}}
{{- define "scim-bridge.memoryMiB" -}}
{{- $q := toString . -}}
{{- $units := dict "Ki" 1024.0 "Mi" 1048576.0 "Gi" 1073741824.0 "K" 1000.0 "M" 1000000.0 "G" 1000000000.0 -}}
{{- $m := regexFindAll "^([0-9]+(?:\\.[0-9]+)?)(Ki|Mi|Gi|K|M|G)?$" $q 1 -}}
{{- if not $m -}}
{{- fail (printf "resources.limits.memory %q: use Ki, Mi, Gi, K, M, G or plain bytes" $q) -}}
{{- end -}}
{{- $number := regexReplaceAll "(Ki|Mi|Gi|K|M|G)$" $q "" | float64 -}}
{{- $unit := regexReplaceAll "^[0-9.]+" $q "" -}}
{{- $bytes := mulf $number (get $units $unit | default 1.0) -}}
{{- divf $bytes 1048576.0 | floor | int -}}
{{- end -}}

{{/* -Xmx value: jvm.maxHeap, else jvm.maxHeapPercentage of the memory limit; empty when neither applies. */}}
{{- define "scim-bridge.maxHeap" -}}
{{- if .Values.jvm.maxHeap -}}
{{- .Values.jvm.maxHeap -}}
{{- else if and .Values.resources.limits .Values.resources.limits.memory -}}
{{- $limit := include "scim-bridge.memoryMiB" .Values.resources.limits.memory | int -}}
{{- printf "%dm" (div (mul $limit (int .Values.jvm.maxHeapPercentage)) 100) -}}
{{- end -}}
{{- end -}}

{{/* Fail fast on configurations that cannot work (op-scim-helm style). */}}
{{- define "scim-bridge.validate" -}}
{{- if and .Values.redis.enabled .Values.externalRedis.enabled -}}
{{- fail "redis.enabled and externalRedis.enabled are mutually exclusive: choose the bundled Redis or an external one, not both." -}}
{{- end -}}
{{- if not (or .Values.redis.enabled .Values.externalRedis.enabled) -}}
{{- fail "No Redis configured: set redis.enabled=true (bundled) or externalRedis.enabled=true with externalRedis.url." -}}
{{- end -}}
{{- if and .Values.externalRedis.enabled (not .Values.externalRedis.url) -}}
{{- fail "externalRedis.enabled is true but externalRedis.url is empty: set it to redis://host:6379 or rediss://host:6380." -}}
{{- end -}}
{{- if not (or .Values.session.value .Values.session.existingSecret) -}}
{{- fail "No scimsession configured: set session.existingSecret (a Secret made with kubectl create secret generic … --from-file=scimsession=./scimsession) or session.value." -}}
{{- end -}}
{{- if and .Values.redis.enabled .Values.redis.auth.enabled (not (or .Values.redis.auth.password .Values.redis.auth.existingSecret)) -}}
{{- fail "redis.auth.enabled is true but neither redis.auth.existingSecret nor redis.auth.password is set: create the password Secret (docs/install/helm.md) or set redis.auth.enabled=false (insecure)." -}}
{{- end -}}
{{- if and .Values.token.enabled (not (or .Values.token.value .Values.token.existingSecret)) -}}
{{- fail "token.enabled is true but neither token.value nor token.existingSecret is set." -}}
{{- end -}}
{{- if and .Values.ingress.enabled .Values.ingress.tls.enabled (not .Values.ingress.hostname) -}}
{{- fail "ingress.tls.enabled needs ingress.hostname." -}}
{{- end -}}
{{- end -}}
