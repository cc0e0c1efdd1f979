export interface paths {
    "/hit/{namespace}/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Adds one, creating the counter if missing */
        get: operations["countapi.hit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hit/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Adds one, creating the counter if missing */
        get: operations["countapi.hit.2"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/get/{namespace}/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The value */
        get: operations["countapi.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/get/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The value */
        get: operations["countapi.get.2"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/set/{namespace}/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sets the value of a counter created with enable_reset */
        get: operations["countapi.set"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/set/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sets the value of a counter created with enable_reset */
        get: operations["countapi.set.2"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/update/{namespace}/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Adds `amount` within the counter's update bounds */
        get: operations["countapi.update"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/update/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Adds `amount` within the counter's update bounds */
        get: operations["countapi.update.2"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/info/{namespace}/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything about a counter */
        get: operations["countapi.info"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/info/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything about a counter */
        get: operations["countapi.info.2"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Creates a counter */
        get: operations["countapi.create"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The deployment's numbers */
        get: operations["countapi.stats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/counters/{key}/increment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Adds `by` (creating the counter at 0 first) */
        post: operations["counters.increment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/counters/{key}/decrement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Subtracts `by` (creating the counter; may go negative) */
        post: operations["counters.decrement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/counters/{key}/decrement-if-exists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Subtracts `by` from an existing counter holding at least `by`: never below zero, never creates */
        post: operations["counters.decrementIfExists"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/counters/{key}/set-if-not-exists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sets the value of a counter that does not exist */
        post: operations["counters.setIfNotExists"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/counters/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The value, 0 when missing or expired */
        get: operations["counters.get"];
        put?: never;
        post?: never;
        /** Removes the counter */
        delete: operations["counters.delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/counters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Values of up to 100 counters in one batched read */
        get: operations["counters.multiGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/misc/counter/{namespace}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The namespace's counter, 0 when never incremented */
        get: operations["namespaceCounter.get"];
        put?: never;
        /** Adds one to the namespace's counter */
        post: operations["namespaceCounter.increment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The owner's keys, a page at a time, never the key or its hash */
        get: operations["keys.list"];
        put?: never;
        /** Creates a use or admin key: the only answer that ever contains the key */
        post: operations["keys.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revokes a key: it stops working everywhere within `effectiveWithinSeconds` */
        delete: operations["keys.revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/check-consume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decides whether `subject` may consume `cost` of `metric`, and records it */
        post: operations["quota.checkConsume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A subject's usage of a metric in the current window */
        get: operations["quota.usage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The owner's plan, this month's requests against it, and recent decisions */
        get: operations["quota.account"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The owner's metrics, a page at a time */
        get: operations["quota.listMetrics"];
        put?: never;
        /** Defines a metric and its default limit per subject */
        post: operations["quota.createMetric"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/metrics/{metric}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One metric */
        get: operations["quota.getMetric"];
        put?: never;
        post?: never;
        /** Deletes a metric and its overrides */
        delete: operations["quota.deleteMetric"];
        options?: never;
        head?: never;
        /** Changes a metric's limit, window or description */
        patch: operations["quota.updateMetric"];
        trace?: never;
    };
    "/v1/metrics/{metric}/overrides/{subject}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One subject's override */
        get: operations["quota.getOverride"];
        /** Sets one subject's limit on a metric */
        put: operations["quota.putOverride"];
        post?: never;
        /** Removes one subject's override */
        delete: operations["quota.deleteOverride"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/metrics/{metric}/overrides": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A metric's overrides, a page at a time */
        get: operations["quota.listOverrides"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The API and its DynamoDB table answer */
        get: operations["quota.health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The API answers at all */
        get: operations["quota.appHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hits/{id}/{resource}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts a visit (and a new visitor), or with mode=read only reads; `.svg` answers an image */
        get: operations["hits.count"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hits/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts a visit (and a new visitor), or with mode=read only reads; `.svg` answers an image */
        get: operations["hits.count.2"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts a visit (and a new visitor), or with mode=read only reads; `.svg` answers an image */
        get: operations["hits.count.3"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "countapi.hit": {
        parameters: {
            query?: {
                /** @description Answer as JSONP: `callback({...,"status":S});`, always with HTTP 200 */
                callback?: string;
                /** @description Answer a 1x1 transparent GIF, always with HTTP 200 */
                img?: string;
            };
            header?: never;
            path: {
                namespace: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    /** @description `namespace/key` of the counter the request named */
                    "X-Path"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        value: number;
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
        };
    };
    "countapi.hit.2": {
        parameters: {
            query?: {
                namespace?: string;
                /** @description Answer as JSONP: `callback({...,"status":S});`, always with HTTP 200 */
                callback?: string;
                /** @description Answer a 1x1 transparent GIF, always with HTTP 200 */
                img?: string;
            };
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    /** @description `namespace/key` of the counter the request named */
                    "X-Path"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        value: number;
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
        };
    };
    "countapi.get": {
        parameters: {
            query?: {
                /** @description Answer as JSONP: `callback({...,"status":S});`, always with HTTP 200 */
                callback?: string;
                /** @description Answer a 1x1 transparent GIF, always with HTTP 200 */
                img?: string;
            };
            header?: never;
            path: {
                namespace: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    /** @description `namespace/key` of the counter the request named */
                    "X-Path"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        value: number;
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description The outcome, in the route's own shape */
            404: {
                headers: {
                    /** @description `namespace/key` of the counter the request named */
                    "X-Path"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        value: null;
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
        };
    };
    "countapi.get.2": {
        parameters: {
            query?: {
                namespace?: string;
                /** @description Answer as JSONP: `callback({...,"status":S});`, always with HTTP 200 */
                callback?: string;
                /** @description Answer a 1x1 transparent GIF, always with HTTP 200 */
                img?: string;
            };
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    /** @description `namespace/key` of the counter the request named */
                    "X-Path"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        value: number;
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description The outcome, in the route's own shape */
            404: {
                headers: {
                    /** @description `namespace/key` of the counter the request named */
                    "X-Path"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        value: null;
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
        };
    };
    "countapi.set": {
        parameters: {
            query: {
                value: string;
                /** @description Answer as JSONP: `callback({...,"status":S});`, always with HTTP 200 */
                callback?: string;
                /** @description Answer a 1x1 transparent GIF, always with HTTP 200 */
                img?: string;
            };
            header?: never;
            path: {
                namespace: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    /** @description `namespace/key` of the counter the request named */
                    "X-Path"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        old_value: number;
                        value: number;
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description The outcome, in the route's own shape */
            403: {
                headers: {
                    /** @description `namespace/key` of the counter the request named */
                    "X-Path"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        old_value: number;
                        value: number;
                    };
                };
            };
            /** @description The outcome, in the route's own shape */
            404: {
                headers: {
                    /** @description `namespace/key` of the counter the request named */
                    "X-Path"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        old_value: null;
                        value: null;
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
        };
    };
    "countapi.set.2": {
        parameters: {
            query: {
                namespace?: string;
                value: string;
                /** @description Answer as JSONP: `callback({...,"status":S});`, always with HTTP 200 */
                callback?: string;
                /** @description Answer a 1x1 transparent GIF, always with HTTP 200 */
                img?: string;
            };
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    /** @description `namespace/key` of the counter the request named */
                    "X-Path"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        old_value: number;
                        value: number;
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description The outcome, in the route's own shape */
            403: {
                headers: {
                    /** @description `namespace/key` of the counter the request named */
                    "X-Path"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        old_value: number;
                        value: number;
                    };
                };
            };
            /** @description The outcome, in the route's own shape */
            404: {
                headers: {
                    /** @description `namespace/key` of the counter the request named */
                    "X-Path"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        old_value: null;
                        value: null;
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
        };
    };
    "countapi.update": {
        parameters: {
            query: {
                amount: string;
                /** @description Answer as JSONP: `callback({...,"status":S});`, always with HTTP 200 */
                callback?: string;
                /** @description Answer a 1x1 transparent GIF, always with HTTP 200 */
                img?: string;
            };
            header?: never;
            path: {
                namespace: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    /** @description `namespace/key` of the counter the request named */
                    "X-Path"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        value: number;
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description The outcome, in the route's own shape */
            403: {
                headers: {
                    /** @description `namespace/key` of the counter the request named */
                    "X-Path"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        value: number;
                    };
                };
            };
            /** @description The outcome, in the route's own shape */
            404: {
                headers: {
                    /** @description `namespace/key` of the counter the request named */
                    "X-Path"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        value: null;
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
        };
    };
    "countapi.update.2": {
        parameters: {
            query: {
                namespace?: string;
                amount: string;
                /** @description Answer as JSONP: `callback({...,"status":S});`, always with HTTP 200 */
                callback?: string;
                /** @description Answer a 1x1 transparent GIF, always with HTTP 200 */
                img?: string;
            };
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    /** @description `namespace/key` of the counter the request named */
                    "X-Path"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        value: number;
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description The outcome, in the route's own shape */
            403: {
                headers: {
                    /** @description `namespace/key` of the counter the request named */
                    "X-Path"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        value: number;
                    };
                };
            };
            /** @description The outcome, in the route's own shape */
            404: {
                headers: {
                    /** @description `namespace/key` of the counter the request named */
                    "X-Path"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        value: null;
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
        };
    };
    "countapi.info": {
        parameters: {
            query?: {
                /** @description Answer as JSONP: `callback({...,"status":S});`, always with HTTP 200 */
                callback?: string;
                /** @description Answer a 1x1 transparent GIF, always with HTTP 200 */
                img?: string;
            };
            header?: never;
            path: {
                namespace: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    /** @description `namespace/key` of the counter the request named */
                    "X-Path"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        namespace: string | null;
                        key: string | null;
                        ttl: number | null;
                        created: number | null;
                        value: number | null;
                        enable_reset: boolean | null;
                        update_lowerbound: number | null;
                        update_upperbound: number | null;
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description The outcome, in the route's own shape */
            404: {
                headers: {
                    /** @description `namespace/key` of the counter the request named */
                    "X-Path"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        namespace: string | null;
                        key: string | null;
                        ttl: number | null;
                        created: number | null;
                        value: number | null;
                        enable_reset: boolean | null;
                        update_lowerbound: number | null;
                        update_upperbound: number | null;
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
        };
    };
    "countapi.info.2": {
        parameters: {
            query?: {
                namespace?: string;
                /** @description Answer as JSONP: `callback({...,"status":S});`, always with HTTP 200 */
                callback?: string;
                /** @description Answer a 1x1 transparent GIF, always with HTTP 200 */
                img?: string;
            };
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    /** @description `namespace/key` of the counter the request named */
                    "X-Path"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        namespace: string | null;
                        key: string | null;
                        ttl: number | null;
                        created: number | null;
                        value: number | null;
                        enable_reset: boolean | null;
                        update_lowerbound: number | null;
                        update_upperbound: number | null;
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description The outcome, in the route's own shape */
            404: {
                headers: {
                    /** @description `namespace/key` of the counter the request named */
                    "X-Path"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        namespace: string | null;
                        key: string | null;
                        ttl: number | null;
                        created: number | null;
                        value: number | null;
                        enable_reset: boolean | null;
                        update_lowerbound: number | null;
                        update_upperbound: number | null;
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
        };
    };
    "countapi.create": {
        parameters: {
            query?: {
                namespace?: string;
                key?: string;
                value?: string;
                enable_reset?: string;
                update_lowerbound?: string;
                update_upperbound?: string;
                /** @description Answer as JSONP: `callback({...,"status":S});`, always with HTTP 200 */
                callback?: string;
                /** @description Answer a 1x1 transparent GIF, always with HTTP 200 */
                img?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    /** @description `namespace/key` of the counter the request named */
                    "X-Path"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        namespace: string;
                        key: string;
                        value: number;
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description The outcome, in the route's own shape */
            409: {
                headers: {
                    /** @description `namespace/key` of the counter the request named */
                    "X-Path"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        namespace: null;
                        key: null;
                        value: null;
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
        };
    };
    "countapi.stats": {
        parameters: {
            query?: {
                /** @description Answer as JSONP: `callback({...,"status":S});`, always with HTTP 200 */
                callback?: string;
                /** @description Answer a 1x1 transparent GIF, always with HTTP 200 */
                img?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    /** @description `namespace/key` of the counter the request named */
                    "X-Path"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keys_created: number;
                        keys_updated: number;
                        requests: number;
                        version: string;
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
        };
    };
    "counters.increment": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default 1 */
                    by?: number;
                    ttlSeconds?: number;
                };
            };
        };
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: string;
                        value: number;
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A key of the wrong kind: this route needs a use key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A request body not sent as JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
        };
    };
    "counters.decrement": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default 1 */
                    by?: number;
                    ttlSeconds?: number;
                };
            };
        };
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: string;
                        value: number;
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A key of the wrong kind: this route needs a use key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A request body not sent as JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
        };
    };
    "counters.decrementIfExists": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default 1 */
                    by?: number;
                };
            };
        };
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: string;
                        value: number;
                        existed: boolean;
                        success: boolean;
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A key of the wrong kind: this route needs a use key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A request body not sent as JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
        };
    };
    "counters.setIfNotExists": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    value: number;
                    ttlSeconds?: number;
                };
            };
        };
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: string;
                        set: boolean;
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A key of the wrong kind: this route needs a use key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A request body not sent as JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
        };
    };
    "counters.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: string;
                        value: number;
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A key of the wrong kind: this route needs a use key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A request body not sent as JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
        };
    };
    "counters.delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: string;
                        deleted: boolean;
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A key of the wrong kind: this route needs a use key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A request body not sent as JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
        };
    };
    "counters.multiGet": {
        parameters: {
            query: {
                keys: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        values: {
                            [key: string]: number;
                        };
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A key of the wrong kind: this route needs a use key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A request body not sent as JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
        };
    };
    "namespaceCounter.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                namespace: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        namespace: string;
                        value: number;
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        message: string;
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A key of the wrong kind: this route needs a use key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A request body not sent as JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        message: string;
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        message: string;
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        message: string;
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        message: string;
                    };
                };
            };
        };
    };
    "namespaceCounter.increment": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                namespace: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        namespace: string;
                        value: number;
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        message: string;
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A key of the wrong kind: this route needs a use key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A request body not sent as JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        message: string;
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        message: string;
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        message: string;
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        message: string;
                    };
                };
            };
        };
    };
    "keys.list": {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keys: {
                            keyId: string;
                            ownerId: string;
                            /** @enum {string} */
                            kind: "use" | "admin";
                            prefix: string;
                            name?: string;
                            createdAt: number;
                            revokedAt?: number;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A key of the wrong kind: this route needs a admin key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A request body not sent as JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
        };
    };
    "keys.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @default use
                     * @enum {string}
                     */
                    kind?: "use" | "admin";
                    name?: string;
                };
            };
        };
        responses: {
            /** @description The answer */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keyId: string;
                        ownerId: string;
                        /** @enum {string} */
                        kind: "use" | "admin";
                        prefix: string;
                        name?: string;
                        createdAt: number;
                        revokedAt?: number;
                        key: string;
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A key of the wrong kind: this route needs a admin key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A request body not sent as JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
        };
    };
    "keys.revoke": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keyId: string;
                        ownerId: string;
                        /** @enum {string} */
                        kind: "use" | "admin";
                        prefix: string;
                        name?: string;
                        createdAt: number;
                        revokedAt?: number;
                        effectiveWithinSeconds: number;
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A key of the wrong kind: this route needs a admin key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A request body not sent as JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
        };
    };
    "quota.checkConsume": {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    subject: string;
                    metric: string;
                    cost: number;
                };
            };
        };
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        allowed: boolean;
                        remaining: number | null;
                        reason: ("limit_exceeded" | "owner_rate_limit_exceeded_second" | "owner_rate_limit_exceeded" | "owner_monthly_limit_exceeded") | null;
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A key of the wrong kind: this route needs a use key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A request body not sent as JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
        };
    };
    "quota.usage": {
        parameters: {
            query: {
                subject: string;
                metric: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        subject: string;
                        metric: string;
                        current: number;
                        limit: number | null;
                        remaining: number | null;
                        /** @enum {string} */
                        window: "none" | "day" | "month" | "hour" | "minute";
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A key of the wrong kind: this route needs a use key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A request body not sent as JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
        };
    };
    "quota.account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ownerId: string;
                        plan: {
                            name: string;
                        } & {
                            [key: string]: unknown;
                        };
                        month: {
                            start: string;
                            requests: number;
                            cap: number;
                            remaining: number;
                        };
                        recentDecisions: {
                            allowed: boolean;
                            remaining: number | null;
                            reason: ("limit_exceeded" | "owner_rate_limit_exceeded_second" | "owner_rate_limit_exceeded" | "owner_monthly_limit_exceeded") | null;
                            subject: string;
                            metric: string;
                            cost: number;
                            at: number;
                        }[];
                        recentDecisionsDropped: number;
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A key of the wrong kind: this route needs a admin key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A request body not sent as JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
        };
    };
    "quota.listMetrics": {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        metrics: {
                            metric: string;
                            description?: string;
                            limit: number | null;
                            /** @enum {string} */
                            window: "lifetime" | "day" | "month" | "hour" | "minute";
                            createdAt: number;
                            updatedAt: number;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A key of the wrong kind: this route needs a admin key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A request body not sent as JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
        };
    };
    "quota.createMetric": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    metric: string;
                    description?: string;
                    /** @default null */
                    limit?: number | null;
                    /**
                     * @default lifetime
                     * @enum {string}
                     */
                    window?: "lifetime" | "day" | "month" | "hour" | "minute";
                };
            };
        };
        responses: {
            /** @description The answer */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        metric: string;
                        description?: string;
                        limit: number | null;
                        /** @enum {string} */
                        window: "lifetime" | "day" | "month" | "hour" | "minute";
                        createdAt: number;
                        updatedAt: number;
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A key of the wrong kind: this route needs a admin key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A request body not sent as JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
        };
    };
    "quota.getMetric": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                metric: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        metric: string;
                        description?: string;
                        limit: number | null;
                        /** @enum {string} */
                        window: "lifetime" | "day" | "month" | "hour" | "minute";
                        createdAt: number;
                        updatedAt: number;
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A key of the wrong kind: this route needs a admin key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A request body not sent as JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
        };
    };
    "quota.deleteMetric": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                metric: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        metric: string;
                        deleted: boolean;
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A key of the wrong kind: this route needs a admin key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A request body not sent as JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
        };
    };
    "quota.updateMetric": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                metric: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string;
                    limit?: number | null;
                    /** @enum {string} */
                    window?: "lifetime" | "day" | "month" | "hour" | "minute";
                };
            };
        };
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        metric: string;
                        description?: string;
                        limit: number | null;
                        /** @enum {string} */
                        window: "lifetime" | "day" | "month" | "hour" | "minute";
                        createdAt: number;
                        updatedAt: number;
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A key of the wrong kind: this route needs a admin key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A request body not sent as JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
        };
    };
    "quota.getOverride": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                metric: string;
                subject: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        metric: string;
                        subject: string;
                        limit: number | "unlimited";
                        /** @enum {string} */
                        window?: "lifetime" | "day" | "month" | "hour" | "minute";
                        createdAt: number;
                        updatedAt: number;
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A key of the wrong kind: this route needs a admin key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A request body not sent as JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
        };
    };
    "quota.putOverride": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                metric: string;
                subject: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    limit: number | "unlimited";
                    /** @enum {string} */
                    window?: "lifetime" | "day" | "month" | "hour" | "minute";
                };
            };
        };
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        metric: string;
                        subject: string;
                        limit: number | "unlimited";
                        /** @enum {string} */
                        window?: "lifetime" | "day" | "month" | "hour" | "minute";
                        createdAt: number;
                        updatedAt: number;
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A key of the wrong kind: this route needs a admin key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A request body not sent as JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
        };
    };
    "quota.deleteOverride": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                metric: string;
                subject: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        metric: string;
                        subject: string;
                        deleted: boolean;
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A key of the wrong kind: this route needs a admin key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A request body not sent as JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
        };
    };
    "quota.listOverrides": {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                metric: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        overrides: {
                            metric: string;
                            subject: string;
                            limit: number | "unlimited";
                            /** @enum {string} */
                            window?: "lifetime" | "day" | "month" | "hour" | "minute";
                            createdAt: number;
                            updatedAt: number;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A key of the wrong kind: this route needs a admin key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A request body not sent as JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
        };
    };
    "quota.health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok" | "error";
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A request body not sent as JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description The outcome, in the route's own shape */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok" | "error";
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
        };
    };
    "quota.appHealth": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok" | "error";
                    };
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description A request body not sent as JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
        };
    };
    "hits.count": {
        parameters: {
            query: {
                mode?: "read";
                theme: string;
                label?: string;
                color?: string;
                labelColor?: string;
                digits?: string;
                show?: "visit" | "visitor" | "both";
                scheme?: "auto" | "light" | "dark";
            };
            header?: never;
            path: {
                id: string;
                resource: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        visit: number;
                        visitor: number;
                    };
                    "image/svg+xml": string;
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
        };
    };
    "hits.count.2": {
        parameters: {
            query: {
                resource: string;
                mode?: "read";
                theme: string;
                label?: string;
                color?: string;
                labelColor?: string;
                digits?: string;
                show?: "visit" | "visitor" | "both";
                scheme?: "auto" | "light" | "dark";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        visit: number;
                        visitor: number;
                    };
                    "image/svg+xml": string;
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
        };
    };
    "hits.count.3": {
        parameters: {
            query: {
                resource: string;
                id: string;
                mode?: "read";
                theme: string;
                label?: string;
                color?: string;
                labelColor?: string;
                digits?: string;
                show?: "visit" | "visitor" | "both";
                scheme?: "auto" | "light" | "dark";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        visit: number;
                        visitor: number;
                    };
                    "image/svg+xml": string;
                };
            };
            /** @description The request is invalid; the message names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description A rate limit or plan cap is reached */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description An unexpected failure (no internals are shown) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
            /** @description DynamoDB is throttling or unreachable: retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
        };
    };
}
